using FluentMigrator;

namespace InternalSocial.Groups.Migrations;

/// <summary>Invitations wait for the invited person's answer instead of adding them at once.</summary>
[Migration(2, "Groups invitations")]
internal sealed class AddInvitations : Migration
{
    public override void Up()
    {
        Create.Table("Groups_Invitations")
            .WithColumn("GroupId").AsInt64().NotNullable().PrimaryKey("PK_Groups_Invitations")
            .WithColumn("UserId").AsString(64).NotNullable().PrimaryKey("PK_Groups_Invitations")
            .WithColumn("Role").AsInt32().NotNullable()
            .WithColumn("InvitedBy").AsString(64).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();

        // "My invitations" reads by person.
        Create.Index("IX_Groups_Invitations_User").OnTable("Groups_Invitations").OnColumn("UserId").Ascending().OnColumn("GroupId").Ascending();
    }

    public override void Down() => Delete.Table("Groups_Invitations");
}
