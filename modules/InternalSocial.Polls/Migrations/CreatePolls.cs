using FluentMigrator;

namespace InternalSocial.Polls.Migrations;

/// <summary>
/// Polls, their questions and options, and the answers: named votes, who took part, tallies and "other" texts.
/// docs/decisions/0021-anonymous-answers.md explains why the participation and text tables are built the way they are.
/// </summary>
[Migration(1, "Polls: polls, questions, options, votes, participations, tallies, other answers")]
internal sealed class CreatePolls : Migration
{
    public override void Up()
    {
        Create.Table("Polls_Polls")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Kind").AsString(16).NotNullable()
            .WithColumn("Title").AsString(300).NotNullable()
            .WithColumn("Description").AsString(2000).NotNullable()
            .WithColumn("AuthorId").AsString(64).NotNullable()
            .WithColumn("ContainerKind").AsString(16).NotNullable()
            .WithColumn("ContainerId").AsInt64().Nullable()
            .WithColumn("Anonymous").AsBoolean().NotNullable()
            .WithColumn("ResultsVisibility").AsString(16).NotNullable()
            .WithColumn("ClosesUtc").AsDateTimeOffset().Nullable()
            .WithColumn("ClosedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("FirstVoteUtc").AsDateTimeOffset().Nullable()
            .WithColumn("ParticipantCount").AsInt32().NotNullable()
            .WithColumn("RecipeKey").AsString(100).Nullable();
        Create.Index("IX_Polls_Polls_Container").OnTable("Polls_Polls")
            .OnColumn("ContainerKind").Ascending().OnColumn("ContainerId").Ascending().OnColumn("Id").Descending();
        Create.Index("IX_Polls_Polls_AuthorId").OnTable("Polls_Polls").OnColumn("AuthorId").Ascending();
        Create.Index("IX_Polls_Polls_RecipeKey").OnTable("Polls_Polls").OnColumn("RecipeKey").Unique();

        Create.Table("Polls_Questions")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("PollId").AsInt64().NotNullable()
            .WithColumn("Position").AsInt32().NotNullable()
            .WithColumn("Text").AsString(1000).NotNullable()
            .WithColumn("Kind").AsString(16).NotNullable()
            .WithColumn("MaxChoices").AsInt32().Nullable()
            .WithColumn("AllowOther").AsBoolean().NotNullable();
        Create.Index("IX_Polls_Questions_PollId").OnTable("Polls_Questions").OnColumn("PollId").Ascending().OnColumn("Position").Ascending();

        Create.Table("Polls_Options")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("QuestionId").AsInt64().NotNullable()
            .WithColumn("Position").AsInt32().NotNullable()
            .WithColumn("Text").AsString(200).NotNullable();
        Create.Index("IX_Polls_Options_QuestionId").OnTable("Polls_Options").OnColumn("QuestionId").Ascending().OnColumn("Position").Ascending();

        Create.Table("Polls_Votes")
            .WithColumn("QuestionId").AsInt64().PrimaryKey()
            .WithColumn("OptionId").AsInt64().PrimaryKey()
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("PollId").AsInt64().NotNullable()
            .WithColumn("Department").AsString(100).Nullable()
            .WithColumn("Site").AsString(100).Nullable();
        Create.Index("IX_Polls_Votes_PollId_UserId").OnTable("Polls_Votes").OnColumn("PollId").Ascending().OnColumn("UserId").Ascending();
        Create.Index("IX_Polls_Votes_UserId").OnTable("Polls_Votes").OnColumn("UserId").Ascending();

        Create.Table("Polls_Tallies")
            .WithColumn("OptionId").AsInt64().PrimaryKey()
            .WithColumn("Dimension").AsString(16).PrimaryKey()
            .WithColumn("Value").AsString(100).PrimaryKey()
            .WithColumn("QuestionId").AsInt64().NotNullable()
            .WithColumn("Count").AsInt32().NotNullable();
        Create.Index("IX_Polls_Tallies_QuestionId").OnTable("Polls_Tallies").OnColumn("QuestionId").Ascending().OnColumn("Dimension").Ascending();

        CreateAnonymousTables();
    }

    public override void Down()
    {
        foreach (var table in new[] { "Polls_OtherAnswers", "Polls_Participations", "Polls_Tallies", "Polls_Votes", "Polls_Options", "Polls_Questions", "Polls_Polls" })
        {
            Delete.Table(table);
        }
    }

    /// <summary>Every other database (PostgreSQL): matched by what it is not, whatever alias the runner names it by.</summary>
    private static bool NotSqlite(string databaseType) => !databaseType.StartsWith("sqlite", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// No timestamp, no identity column; on SQLite WITHOUT ROWID, so rows are stored in key order and not in the order
    /// people answered (FluentMigrator's builder cannot say WITHOUT ROWID).
    /// </summary>
    private void CreateAnonymousTables()
    {
        IfDatabase("sqlite").Execute.Sql("""
            CREATE TABLE "Polls_Participations" ("PollId" INTEGER NOT NULL, "UserId" TEXT NOT NULL, PRIMARY KEY ("PollId", "UserId")) WITHOUT ROWID;
            CREATE TABLE "Polls_OtherAnswers" ("Id" TEXT NOT NULL PRIMARY KEY, "QuestionId" INTEGER NOT NULL, "UserId" TEXT NULL, "Text" TEXT NOT NULL) WITHOUT ROWID;
            """);
        IfDatabase(NotSqlite).Create.Table("Polls_Participations")
            .WithColumn("PollId").AsInt64().PrimaryKey()
            .WithColumn("UserId").AsString(64).PrimaryKey();
        IfDatabase(NotSqlite).Create.Table("Polls_OtherAnswers")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("QuestionId").AsInt64().NotNullable()
            .WithColumn("UserId").AsString(64).Nullable()
            .WithColumn("Text").AsString(500).NotNullable();
        Create.Index("IX_Polls_Participations_UserId").OnTable("Polls_Participations").OnColumn("UserId").Ascending();
        Create.Index("IX_Polls_OtherAnswers_QuestionId_UserId").OnTable("Polls_OtherAnswers").OnColumn("QuestionId").Ascending().OnColumn("UserId").Ascending().WithOptions().Unique();
        Create.Index("IX_Polls_OtherAnswers_UserId").OnTable("Polls_OtherAnswers").OnColumn("UserId").Ascending();
    }
}
