using FluentMigrator;

namespace InternalSocial.Users.Migrations;

/// <summary>Schema version 3: invitations (only their token's hash) and browser sessions.</summary>
[Migration(3, "Invitations and sessions")]
internal sealed class AddAccountSecurity : Migration
{
    public override void Up()
    {
        Create.Table("Users_Invitations")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("Email").AsString(256).NotNullable()
            .WithColumn("NormalizedEmail").AsString(256).NotNullable()
            .WithColumn("TokenHash").AsString(64).NotNullable()
            .WithColumn("InvitedById").AsString(64).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("ExpiresUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("AcceptedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("AcceptedUserId").AsString(64).Nullable();
        Create.Index("UX_Users_Invitations_TokenHash").OnTable("Users_Invitations").OnColumn("TokenHash").Unique();
        Create.Index("IX_Users_Invitations_NormalizedEmail").OnTable("Users_Invitations").OnColumn("NormalizedEmail");

        Create.Table("Users_Sessions")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("UserId").AsString(64).NotNullable().ForeignKey("FK_Users_Sessions_User", "Users_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("LastSeenUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("UserAgent").AsString(300).Nullable()
            .WithColumn("IpAddress").AsString(64).Nullable()
            .WithColumn("RevokedUtc").AsDateTimeOffset().Nullable();
        Create.Index("IX_Users_Sessions_UserId").OnTable("Users_Sessions").OnColumn("UserId");
    }

    public override void Down()
    {
        Delete.Table("Users_Sessions");
        Delete.Table("Users_Invitations");
    }
}
