using FluentMigrator;

namespace InternalSocial.Charter.Migrations;

[Migration(1, "Charter: versions, their texts per language, acceptances")]
internal sealed class CreateCharter : Migration
{
    /// <summary>A long charter is a few thousand words; this bounds what a request can store.</summary>
    public const int MaxMarkdownLength = 100_000;

    public override void Up()
    {
        Create.Table("Charter_Versions")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Audience").AsString(16).NotNullable()
            .WithColumn("Number").AsInt32().NotNullable()
            .WithColumn("Material").AsBoolean().NotNullable()
            .WithColumn("PublishedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("PublishedBy").AsString(64).NotNullable();
        Create.Index("IX_Charter_Versions_Audience_Number").OnTable("Charter_Versions")
            .OnColumn("Audience").Ascending().OnColumn("Number").Ascending().WithOptions().Unique();

        Create.Table("Charter_Texts")
            .WithColumn("VersionId").AsInt64().PrimaryKey().ForeignKey("FK_Charter_Texts_Version", "Charter_Versions", "Id")
            .WithColumn("Language").AsString(16).PrimaryKey()
            .WithColumn("Markdown").AsString(MaxMarkdownLength).NotNullable();

        Create.Table("Charter_Acceptances")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("VersionId").AsInt64().NotNullable().ForeignKey("FK_Charter_Acceptances_Version", "Charter_Versions", "Id")
            .WithColumn("UserId").AsString(64).Nullable()
            .WithColumn("Language").AsString(16).NotNullable()
            .WithColumn("AcceptedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("Method").AsString(8).NotNullable()
            .WithColumn("ErasedUtc").AsDateTimeOffset().Nullable();
        Create.Index("IX_Charter_Acceptances_Version_User").OnTable("Charter_Acceptances")
            .OnColumn("VersionId").Ascending().OnColumn("UserId").Ascending().WithOptions().Unique();
        Create.Index("IX_Charter_Acceptances_User").OnTable("Charter_Acceptances").OnColumn("UserId").Ascending();
    }

    public override void Down()
    {
        Delete.Table("Charter_Acceptances");
        Delete.Table("Charter_Texts");
        Delete.Table("Charter_Versions");
    }
}
