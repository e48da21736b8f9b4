using FluentMigrator;

namespace InternalSocial.Polls.Migrations;

/// <summary>
/// A survey condition on several options ("show B when A is x or y"): the first stays in <c>ShowWhenOptionId</c>, so
/// conditions written before read as they did; the others are listed beside it.
/// </summary>
[Migration(5, "Polls: survey conditions on several options")]
internal sealed class AddSurveyConditionOptions : Migration
{
    public override void Up() =>
        Alter.Table("Polls_SurveyQuestions").AddColumn("ShowWhenMoreOptionIds").AsString(400).Nullable();

    public override void Down() =>
        Delete.Column("ShowWhenMoreOptionIds").FromTable("Polls_SurveyQuestions");
}
