using FluentMigrator;

namespace InternalSocial.Groups.Migrations;

[Migration(1, "Groups")]
internal sealed class CreateGroups : Migration
{
    public override void Up()
    {
        Create.Table("Groups_Groups")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Name").AsString(100).NotNullable()
            .WithColumn("NormalizedName").AsString(100).NotNullable()
            .WithColumn("Slug").AsString(120).NotNullable()
            .WithColumn("Description").AsString(2000).NotNullable()
            .WithColumn("Type").AsInt32().NotNullable()
            .WithColumn("Visibility").AsInt32().NotNullable()
            .WithColumn("PostingPolicy").AsInt32().NotNullable()
            .WithColumn("PostsNeedApproval").AsBoolean().NotNullable()
            .WithColumn("IsMandatory").AsBoolean().NotNullable()
            .WithColumn("IsArchived").AsBoolean().NotNullable()
            .WithColumn("CoverPath").AsString(300).Nullable()
            .WithColumn("MemberCount").AsInt32().NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("CreatedBy").AsString(64).NotNullable();
        Create.Index("UX_Groups_Groups_NormalizedName").OnTable("Groups_Groups").OnColumn("NormalizedName").Unique();
        Create.Index("UX_Groups_Groups_Slug").OnTable("Groups_Groups").OnColumn("Slug").Unique();
        // The directory walks groups by name (keyset-paged on NormalizedName) among the archived or the current ones,
        // and stops after a page: an index in that order spares sorting 20,000 rows for each page.
        Create.Index("IX_Groups_Groups_Directory").OnTable("Groups_Groups")
            .OnColumn("IsArchived").Ascending().OnColumn("NormalizedName").Ascending();

        Create.Table("Groups_Members")
            .WithColumn("GroupId").AsInt64().NotNullable().PrimaryKey("PK_Groups_Members")
            .WithColumn("UserId").AsString(64).NotNullable().PrimaryKey("PK_Groups_Members")
            .WithColumn("Role").AsInt32().NotNullable()
            .WithColumn("JoinedUtc").AsDateTimeOffset().NotNullable();
        // "My groups": every access check starts from the user's memberships.
        Create.Index("IX_Groups_Members_User").OnTable("Groups_Members").OnColumn("UserId").Ascending().OnColumn("GroupId").Ascending().WithOptions().Unique();

        Create.Table("Groups_JoinRequests")
            .WithColumn("GroupId").AsInt64().NotNullable().PrimaryKey("PK_Groups_JoinRequests")
            .WithColumn("UserId").AsString(64).NotNullable().PrimaryKey("PK_Groups_JoinRequests")
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();

        Create.Table("Groups_ModuleSettings")
            .WithColumn("GroupId").AsInt64().NotNullable().PrimaryKey("PK_Groups_ModuleSettings")
            .WithColumn("ModuleKey").AsString(64).NotNullable().PrimaryKey("PK_Groups_ModuleSettings")
            .WithColumn("IsEnabled").AsBoolean().NotNullable();

        Create.Table("Groups_ModuleLocks")
            .WithColumn("ModuleKey").AsString(64).NotNullable().PrimaryKey("PK_Groups_ModuleLocks")
            .WithColumn("Scope").AsString(20).NotNullable().PrimaryKey("PK_Groups_ModuleLocks")
            .WithColumn("IsEnabled").AsBoolean().NotNullable();

        Create.Table("Groups_MembershipRules")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("GroupId").AsInt64().NotNullable()
            .WithColumn("Kind").AsInt32().NotNullable()
            .WithColumn("Value").AsString(200).NotNullable();
        Create.Index("IX_Groups_MembershipRules_Group").OnTable("Groups_MembershipRules").OnColumn("GroupId");
    }

    public override void Down()
    {
        Delete.Table("Groups_MembershipRules");
        Delete.Table("Groups_ModuleLocks");
        Delete.Table("Groups_ModuleSettings");
        Delete.Table("Groups_JoinRequests");
        Delete.Table("Groups_Members");
        Delete.Table("Groups_Groups");
    }
}
