using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Quizzes;

/// <summary>Stores a checked quiz: the poll row of kind quiz, its questions and options, and what makes it a quiz.</summary>
internal sealed class QuizCreator(PollsDbContext db, TimeProvider clock)
{
    public async Task<Poll> InsertAsync(ValidQuiz valid, string authorId, string? recipeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var poll = new Poll
        {
            Kind = PollKinds.Quiz,
            Title = valid.Title,
            Description = valid.Description,
            AuthorId = authorId,
            ContainerKind = valid.Container?.Kind ?? ContainerKinds.None,
            ContainerId = valid.Container?.Id,
            ResultsVisibility = ResultsVisibilities.AuthorOnly,
            ClosesUtc = valid.ClosesUtc,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            RecipeKey = recipeKey,
        };
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (transaction)
        {
            db.Polls.Add(poll);
            await db.SaveChangesAsync(cancellationToken);
            db.QuizSettings.Add(Settings(poll.Id, valid));
            await InsertQuestionsAsync(poll.Id, valid.Questions, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return poll;
    }

    public static QuizSettings Settings(long pollId, ValidQuiz valid) => new()
    {
        PollId = pollId,
        PassMark = valid.PassMark,
        MaxAttempts = valid.MaxAttempts,
        Leaderboard = valid.Leaderboard,
        PassingAcknowledges = valid.PassingAcknowledges,
    };

    /// <summary>The questions, their options, explanations and correct options (saved).</summary>
    public async Task InsertQuestionsAsync(long pollId, IReadOnlyList<ValidQuizQuestion> questions, CancellationToken cancellationToken)
    {
        var rows = questions.Select((q, i) => new PollQuestion { PollId = pollId, Position = i, Text = q.Text, Kind = q.Multiple ? QuestionKinds.Multiple : QuestionKinds.Single }).ToList();
        db.Questions.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        var options = new List<(PollOption Option, bool Correct)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var question = questions[i];
            db.QuizQuestions.Add(new QuizQuestionDetails { QuestionId = rows[i].Id, PollId = pollId, Explanation = question.Explanation });
            options.AddRange(question.Options.Select((text, j) => (new PollOption { QuestionId = rows[i].Id, Position = j, Text = text }, question.Correct.Contains(j))));
        }

        db.Options.AddRange(options.Select(o => o.Option));
        await db.SaveChangesAsync(cancellationToken);
        db.QuizCorrectOptions.AddRange(options.Where(o => o.Correct).Select(o => new QuizCorrectOption { OptionId = o.Option.Id, QuestionId = o.Option.QuestionId, PollId = pollId }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes a quiz's questions and answers (not the quiz row): before the recipe replaces them, or with the quiz.</summary>
    public async Task DeleteContentAsync(long pollId, CancellationToken cancellationToken)
    {
        var questionIds = db.Questions.Where(q => q.PollId == pollId).Select(q => q.Id);
        var attemptIds = db.QuizAttempts.Where(a => a.PollId == pollId).Select(a => a.Id);
        await db.QuizChoices.Where(c => attemptIds.Contains(c.AttemptId)).ExecuteDeleteAsync(cancellationToken);
        await db.QuizAttempts.Where(a => a.PollId == pollId).ExecuteDeleteAsync(cancellationToken);
        await db.QuizTotals.Where(t => t.PollId == pollId).ExecuteDeleteAsync(cancellationToken);
        await db.QuizQuestionTallies.Where(t => t.PollId == pollId).ExecuteDeleteAsync(cancellationToken);
        await db.QuizBestScores.Where(b => b.PollId == pollId).ExecuteDeleteAsync(cancellationToken);
        await db.QuizCorrectOptions.Where(o => o.PollId == pollId).ExecuteDeleteAsync(cancellationToken);
        await db.QuizQuestions.Where(q => q.PollId == pollId).ExecuteDeleteAsync(cancellationToken);
        await db.Options.Where(o => questionIds.Contains(o.QuestionId)).ExecuteDeleteAsync(cancellationToken);
        await db.Questions.Where(q => q.PollId == pollId).ExecuteDeleteAsync(cancellationToken);
    }
}
