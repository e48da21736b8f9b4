using FluentMigrator;

namespace InternalSocial.Polls.Migrations;

/// <summary>
/// Surveys on the polls model: what a survey adds to its poll row (window, reminders, audience) and to its questions
/// (page, required, condition, matrix row). Answers use the polls' tables (docs/decisions/0021-anonymous-answers.md).
/// </summary>
[Migration(3, "Polls: surveys, their audiences and their questions' pages, conditions and matrix rows")]
internal sealed class AddSurveys : Migration
{
    public override void Up()
    {
        Create.Table("Polls_Surveys")
            .WithColumn("PollId").AsInt64().PrimaryKey()
            .WithColumn("OpensUtc").AsDateTimeOffset().Nullable()
            .WithColumn("ReminderMode").AsString(8).NotNullable()
            .WithColumn("ReminderDays").AsInt32().Nullable()
            .WithColumn("NextReminderUtc").AsDateTimeOffset().Nullable()
            .WithColumn("ReminderRound").AsInt32().NotNullable()
            .WithColumn("Everyone").AsBoolean().NotNullable()
            .WithColumn("OpeningAnnounced").AsBoolean().NotNullable()
            .WithColumn("ClosingAnnounced").AsBoolean().NotNullable();
        Create.Index("IX_Polls_Surveys_NextReminderUtc").OnTable("Polls_Surveys").OnColumn("NextReminderUtc").Ascending();

        Create.Table("Polls_SurveyAudiences")
            .WithColumn("PollId").AsInt64().PrimaryKey()
            .WithColumn("Kind").AsString(16).PrimaryKey()
            .WithColumn("Value").AsString(100).PrimaryKey();
        Create.Index("IX_Polls_SurveyAudiences_Kind_Value").OnTable("Polls_SurveyAudiences").OnColumn("Kind").Ascending().OnColumn("Value").Ascending();

        Create.Table("Polls_SurveyQuestions")
            .WithColumn("QuestionId").AsInt64().PrimaryKey()
            .WithColumn("PollId").AsInt64().NotNullable()
            .WithColumn("Page").AsInt32().NotNullable()
            .WithColumn("Required").AsBoolean().NotNullable()
            .WithColumn("ParentQuestionId").AsInt64().Nullable()
            .WithColumn("ShowWhenQuestionId").AsInt64().Nullable()
            .WithColumn("ShowWhenOptionId").AsInt64().Nullable();
        Create.Index("IX_Polls_SurveyQuestions_PollId").OnTable("Polls_SurveyQuestions").OnColumn("PollId").Ascending();
    }

    public override void Down()
    {
        Delete.Table("Polls_SurveyQuestions");
        Delete.Table("Polls_SurveyAudiences");
        Delete.Table("Polls_Surveys");
    }
}
