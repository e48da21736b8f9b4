using FluentMigrator;

namespace InternalSocial.Polls.Migrations;

/// <summary>
/// Quizzes: a poll of kind quiz with its settings, the explanation and correct options of each question, the attempts
/// and the options chosen in each. The attempts' unique key (quiz, person, number) is the attempts limit.
/// </summary>
[Migration(2, "Polls: quizzes, their correct options, explanations and attempts")]
internal sealed class AddQuizzes : Migration
{
    public override void Up()
    {
        Create.Table("Polls_QuizSettings")
            .WithColumn("PollId").AsInt64().PrimaryKey()
            .WithColumn("PassMark").AsInt32().NotNullable()
            .WithColumn("MaxAttempts").AsInt32().Nullable()
            .WithColumn("Leaderboard").AsBoolean().NotNullable()
            .WithColumn("PassingAcknowledges").AsBoolean().NotNullable();

        Create.Table("Polls_QuizQuestions")
            .WithColumn("QuestionId").AsInt64().PrimaryKey()
            .WithColumn("PollId").AsInt64().NotNullable()
            .WithColumn("Explanation").AsString(2000).NotNullable();
        Create.Index("IX_Polls_QuizQuestions_PollId").OnTable("Polls_QuizQuestions").OnColumn("PollId").Ascending();

        Create.Table("Polls_QuizCorrectOptions")
            .WithColumn("OptionId").AsInt64().PrimaryKey()
            .WithColumn("QuestionId").AsInt64().NotNullable()
            .WithColumn("PollId").AsInt64().NotNullable();
        Create.Index("IX_Polls_QuizCorrectOptions_PollId").OnTable("Polls_QuizCorrectOptions").OnColumn("PollId").Ascending();

        Create.Table("Polls_QuizAttempts")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("PollId").AsInt64().NotNullable()
            .WithColumn("UserId").AsString(64).NotNullable()
            .WithColumn("Number").AsInt32().NotNullable()
            .WithColumn("Score").AsInt32().NotNullable()
            .WithColumn("MaxScore").AsInt32().NotNullable()
            .WithColumn("Passed").AsBoolean().NotNullable()
            .WithColumn("SubmittedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("OnLeaderboard").AsBoolean().NotNullable();
        Create.Index("IX_Polls_QuizAttempts_Person").OnTable("Polls_QuizAttempts")
            .OnColumn("PollId").Ascending().OnColumn("UserId").Ascending().OnColumn("Number").Ascending().WithOptions().Unique();
        Create.Index("IX_Polls_QuizAttempts_UserId").OnTable("Polls_QuizAttempts").OnColumn("UserId").Ascending();

        Create.Table("Polls_QuizChoices")
            .WithColumn("AttemptId").AsInt64().PrimaryKey()
            .WithColumn("OptionId").AsInt64().PrimaryKey()
            .WithColumn("QuestionId").AsInt64().NotNullable();
    }

    public override void Down()
    {
        foreach (var table in new[] { "Polls_QuizChoices", "Polls_QuizAttempts", "Polls_QuizCorrectOptions", "Polls_QuizQuestions", "Polls_QuizSettings" })
        {
            Delete.Table(table);
        }
    }
}
