using FluentMigrator;
using InternalSocial.Polls.Quizzes;

namespace InternalSocial.Polls.Migrations;

/// <summary>
/// A quiz's results and leaderboard kept as they are submitted: totals per quiz, right answers per question, and each
/// person's best attempt shown on the leaderboard. Filled from the attempts already stored.
/// </summary>
[Migration(6, "Polls: quiz totals, right answers per question and leaderboard best scores")]
internal sealed class AddQuizTotals : Migration
{
    public override void Up()
    {
        Create.Table("Polls_QuizTotals")
            .WithColumn("PollId").AsInt64().PrimaryKey()
            .WithColumn("Attempts").AsInt32().NotNullable()
            .WithColumn("People").AsInt32().NotNullable()
            .WithColumn("PeoplePassed").AsInt32().NotNullable()
            .WithColumn("PercentTenths").AsInt64().NotNullable();

        Create.Table("Polls_QuizQuestionTallies")
            .WithColumn("QuestionId").AsInt64().PrimaryKey()
            .WithColumn("PollId").AsInt64().NotNullable()
            .WithColumn("Correct").AsInt32().NotNullable();
        Create.Index("IX_Polls_QuizQuestionTallies_PollId").OnTable("Polls_QuizQuestionTallies").OnColumn("PollId").Ascending();

        Create.Table("Polls_QuizBestScores")
            .WithColumn("PollId").AsInt64().PrimaryKey()
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("AttemptId").AsInt64().NotNullable()
            .WithColumn("Score").AsInt32().NotNullable()
            .WithColumn("MaxScore").AsInt32().NotNullable()
            .WithColumn("SubmittedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_Polls_QuizBestScores_Rank").OnTable("Polls_QuizBestScores")
            .OnColumn("PollId").Ascending().OnColumn("Score").Descending().OnColumn("SubmittedUtc").Ascending().OnColumn("AttemptId").Ascending();

        foreach (var statement in QuizTotalsSql.Rebuild(pollCondition: "IS NOT NULL"))
        {
            Execute.Sql(statement);
        }
    }

    public override void Down()
    {
        foreach (var table in new[] { "Polls_QuizBestScores", "Polls_QuizQuestionTallies", "Polls_QuizTotals" })
        {
            Delete.Table(table);
        }
    }
}
