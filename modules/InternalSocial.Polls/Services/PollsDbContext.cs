using InternalSocial.Polls.Models;
using InternalSocial.Polls.Quizzes;
using InternalSocial.Polls.Surveys;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Services;

internal sealed class PollsDbContext(DbContextOptions<PollsDbContext> options) : DbContext(options)
{
    public DbSet<Poll> Polls => Set<Poll>();

    public DbSet<PollQuestion> Questions => Set<PollQuestion>();

    public DbSet<PollOption> Options => Set<PollOption>();

    public DbSet<PollVote> Votes => Set<PollVote>();

    public DbSet<PollOtherAnswer> OtherAnswers => Set<PollOtherAnswer>();

    public DbSet<PollParticipation> Participations => Set<PollParticipation>();

    public DbSet<PollTally> Tallies => Set<PollTally>();

    public DbSet<QuizSettings> QuizSettings => Set<QuizSettings>();

    public DbSet<QuizQuestionDetails> QuizQuestions => Set<QuizQuestionDetails>();

    public DbSet<QuizCorrectOption> QuizCorrectOptions => Set<QuizCorrectOption>();

    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();

    public DbSet<QuizChoice> QuizChoices => Set<QuizChoice>();

    public DbSet<QuizTotals> QuizTotals => Set<QuizTotals>();

    public DbSet<QuizQuestionTally> QuizQuestionTallies => Set<QuizQuestionTally>();

    public DbSet<QuizBestScore> QuizBestScores => Set<QuizBestScore>();

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyAudience> SurveyAudiences => Set<SurveyAudience>();

    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Poll>().ToTable("Polls_Polls");
        modelBuilder.Entity<PollQuestion>().ToTable("Polls_Questions");
        modelBuilder.Entity<PollOption>().ToTable("Polls_Options");
        modelBuilder.Entity<PollVote>(vote =>
        {
            vote.ToTable("Polls_Votes");
            vote.HasKey(v => new { v.QuestionId, v.OptionId, v.UserId });
        });
        modelBuilder.Entity<PollOtherAnswer>().ToTable("Polls_OtherAnswers").Property(a => a.Id).ValueGeneratedNever();
        modelBuilder.Entity<PollParticipation>(participation =>
        {
            participation.ToTable("Polls_Participations");
            participation.HasKey(p => new { p.PollId, p.UserId });
        });
        modelBuilder.Entity<PollTally>(tally =>
        {
            tally.ToTable("Polls_Tallies");
            tally.HasKey(t => new { t.OptionId, t.Dimension, t.Value });
        });
        modelBuilder.Entity<QuizSettings>().ToTable("Polls_QuizSettings").HasKey(s => s.PollId);
        modelBuilder.Entity<QuizSettings>().Property(s => s.PollId).ValueGeneratedNever();
        modelBuilder.Entity<QuizQuestionDetails>().ToTable("Polls_QuizQuestions").HasKey(q => q.QuestionId);
        modelBuilder.Entity<QuizQuestionDetails>().Property(q => q.QuestionId).ValueGeneratedNever();
        modelBuilder.Entity<QuizCorrectOption>().ToTable("Polls_QuizCorrectOptions").HasKey(o => o.OptionId);
        modelBuilder.Entity<QuizCorrectOption>().Property(o => o.OptionId).ValueGeneratedNever();
        modelBuilder.Entity<QuizAttempt>().ToTable("Polls_QuizAttempts");
        modelBuilder.Entity<QuizChoice>().ToTable("Polls_QuizChoices").HasKey(c => new { c.AttemptId, c.OptionId });
        modelBuilder.Entity<QuizTotals>().ToTable("Polls_QuizTotals").HasKey(t => t.PollId);
        modelBuilder.Entity<QuizTotals>().Property(t => t.PollId).ValueGeneratedNever();
        modelBuilder.Entity<QuizQuestionTally>().ToTable("Polls_QuizQuestionTallies").HasKey(t => t.QuestionId);
        modelBuilder.Entity<QuizQuestionTally>().Property(t => t.QuestionId).ValueGeneratedNever();
        modelBuilder.Entity<QuizBestScore>().ToTable("Polls_QuizBestScores").HasKey(b => new { b.PollId, b.UserId });
        modelBuilder.Entity<Survey>(survey =>
        {
            survey.ToTable("Polls_Surveys");
            survey.HasKey(s => s.PollId);
            survey.Property(s => s.PollId).ValueGeneratedNever();
        });
        modelBuilder.Entity<SurveyAudience>(audience =>
        {
            audience.ToTable("Polls_SurveyAudiences");
            audience.HasKey(a => new { a.PollId, a.Kind, a.Value });
        });
        modelBuilder.Entity<SurveyQuestion>(question =>
        {
            question.ToTable("Polls_SurveyQuestions");
            question.HasKey(q => q.QuestionId);
            question.Property(q => q.QuestionId).ValueGeneratedNever();
        });
    }
}
