using FluentMigrator;

namespace InternalSocial.Newsletter.Migrations;

[Migration(1, "Newsletter: editions, their blocks and audiences, recipients, links, clicks and opt-outs")]
internal sealed class CreateNewsletter : Migration
{
    public override void Up()
    {
        CreateEditions();
        CreateBlocks();
        CreateAudiences();
        CreateRecipients();
        CreateLinks();
        CreateClicks();
        CreateOptOuts();
    }

    public override void Down()
    {
        foreach (var table in new[] { "Newsletter_OptOuts", "Newsletter_Clicks", "Newsletter_Links", "Newsletter_Recipients", "Newsletter_Audiences", "Newsletter_Blocks", "Newsletter_Editions" })
        {
            Delete.Table(table);
        }
    }

    private void CreateEditions()
    {
        Create.Table("Newsletter_Editions")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Title").AsString(200).NotNullable()
            .WithColumn("Intro").AsString(int.MaxValue).NotNullable()
            .WithColumn("Status").AsInt32().NotNullable()
            .WithColumn("AudienceEveryone").AsBoolean().NotNullable()
            .WithColumn("CreatedBy").AsString(64).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("UpdatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("SentBy").AsString(64).Nullable()
            .WithColumn("SentUtc").AsDateTimeOffset().Nullable()
            .WithColumn("CompletedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("BaseUrl").AsString(500).Nullable()
            .WithColumn("Snapshot").AsString(int.MaxValue).Nullable()
            .WithColumn("RecipientCount").AsInt32().NotNullable()
            .WithColumn("QueuedCount").AsInt32().NotNullable();
        Create.Index("IX_Newsletter_Editions_Status").OnTable("Newsletter_Editions").OnColumn("Status").Ascending().OnColumn("Id").Descending();
    }

    private void CreateBlocks()
    {
        Create.Table("Newsletter_Blocks")
            .WithColumn("EditionId").AsInt64().PrimaryKey()
            .WithColumn("Position").AsInt32().PrimaryKey()
            .WithColumn("PostId").AsInt64().Nullable()
            .WithColumn("Text").AsString(int.MaxValue).Nullable();
    }

    private void CreateAudiences()
    {
        Create.Table("Newsletter_Audiences")
            .WithColumn("EditionId").AsInt64().PrimaryKey()
            .WithColumn("Kind").AsString(16).PrimaryKey()
            .WithColumn("Value").AsString(100).PrimaryKey();
    }

    private void CreateRecipients()
    {
        Create.Table("Newsletter_Recipients")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("EditionId").AsInt64().NotNullable()
            .WithColumn("UserId").AsString(64).NotNullable()
            .WithColumn("Token").AsString(64).NotNullable()
            .WithColumn("Status").AsInt32().NotNullable()
            .WithColumn("ClaimId").AsString(36).Nullable()
            .WithColumn("ClaimedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("OpenedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("ClickedUtc").AsDateTimeOffset().Nullable();
        Create.Index("UX_Newsletter_Recipients_Edition_User").OnTable("Newsletter_Recipients").OnColumn("EditionId").Ascending().OnColumn("UserId").Ascending().WithOptions().Unique();
        Create.Index("UX_Newsletter_Recipients_Token").OnTable("Newsletter_Recipients").OnColumn("Token").Ascending().WithOptions().Unique();
        // The sender's query: an edition's recipients of one status, in id order.
        Create.Index("IX_Newsletter_Recipients_Edition_Status").OnTable("Newsletter_Recipients").OnColumn("EditionId").Ascending().OnColumn("Status").Ascending().OnColumn("Id").Ascending();
    }

    private void CreateLinks()
    {
        Create.Table("Newsletter_Links")
            .WithColumn("EditionId").AsInt64().PrimaryKey()
            .WithColumn("LinkIndex").AsInt32().PrimaryKey()
            .WithColumn("Url").AsString(2000).NotNullable();
    }

    private void CreateClicks()
    {
        Create.Table("Newsletter_Clicks")
            .WithColumn("RecipientId").AsInt64().PrimaryKey()
            .WithColumn("LinkIndex").AsInt32().PrimaryKey()
            .WithColumn("EditionId").AsInt64().NotNullable()
            .WithColumn("ClickedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_Newsletter_Clicks_Edition").OnTable("Newsletter_Clicks").OnColumn("EditionId").Ascending().OnColumn("LinkIndex").Ascending();
    }

    private void CreateOptOuts()
    {
        Create.Table("Newsletter_OptOuts")
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("OptedOutUtc").AsDateTimeOffset().NotNullable();
    }
}
