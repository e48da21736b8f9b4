using FluentMigrator;

namespace InternalSocial.Users.Migrations;

/// <summary>The ASP.NET Core Identity tables (schema version 1) and personal access tokens.</summary>
[Migration(1, "Accounts, roles and access tokens")]
internal sealed class CreateAccounts : Migration
{
    public override void Up()
    {
        CreateUsers();
        CreateRoles();
        CreateUserRoles();
        CreateUserClaims();
        CreateRoleClaims();
        CreateUserLogins();
        CreateUserTokens();
        CreateAccessTokens();
    }

    public override void Down()
    {
        foreach (var table in new[] { "Users_AccessTokens", "Users_UserTokens", "Users_UserLogins", "Users_RoleClaims", "Users_UserClaims", "Users_UserRoles", "Users_Roles", "Users_Users" })
        {
            Delete.Table(table);
        }
    }

    private void CreateUsers()
    {
        Create.Table("Users_Users")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("UserName").AsString(256).Nullable()
            .WithColumn("NormalizedUserName").AsString(256).Nullable()
            .WithColumn("Email").AsString(256).Nullable()
            .WithColumn("NormalizedEmail").AsString(256).Nullable()
            .WithColumn("EmailConfirmed").AsBoolean().NotNullable()
            .WithColumn("PasswordHash").AsString(int.MaxValue).Nullable()
            .WithColumn("SecurityStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("ConcurrencyStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("PhoneNumber").AsString(int.MaxValue).Nullable()
            .WithColumn("PhoneNumberConfirmed").AsBoolean().NotNullable()
            .WithColumn("TwoFactorEnabled").AsBoolean().NotNullable()
            .WithColumn("LockoutEnd").AsDateTimeOffset().Nullable()
            .WithColumn("LockoutEnabled").AsBoolean().NotNullable()
            .WithColumn("AccessFailedCount").AsInt32().NotNullable()
            .WithColumn("DisplayName").AsString(200).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("UX_Users_Users_NormalizedUserName").OnTable("Users_Users").OnColumn("NormalizedUserName").Unique();
        Create.Index("IX_Users_Users_NormalizedEmail").OnTable("Users_Users").OnColumn("NormalizedEmail");
    }

    private void CreateRoles()
    {
        Create.Table("Users_Roles")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("Name").AsString(256).Nullable()
            .WithColumn("NormalizedName").AsString(256).Nullable()
            .WithColumn("ConcurrencyStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("Description").AsString(500).NotNullable();
        Create.Index("UX_Users_Roles_NormalizedName").OnTable("Users_Roles").OnColumn("NormalizedName").Unique();
    }

    private void CreateUserRoles()
    {
        Create.Table("Users_UserRoles")
            .WithColumn("UserId").AsString(64).PrimaryKey().ForeignKey("FK_Users_UserRoles_User", "Users_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("RoleId").AsString(64).PrimaryKey().ForeignKey("FK_Users_UserRoles_Role", "Users_Roles", "Id").OnDelete(System.Data.Rule.Cascade);
        Create.Index("IX_Users_UserRoles_RoleId").OnTable("Users_UserRoles").OnColumn("RoleId");
    }

    private void CreateUserClaims()
    {
        Create.Table("Users_UserClaims")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("UserId").AsString(64).NotNullable().ForeignKey("FK_Users_UserClaims_User", "Users_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("ClaimType").AsString(int.MaxValue).Nullable()
            .WithColumn("ClaimValue").AsString(int.MaxValue).Nullable();
        Create.Index("IX_Users_UserClaims_UserId").OnTable("Users_UserClaims").OnColumn("UserId");
    }

    private void CreateRoleClaims()
    {
        Create.Table("Users_RoleClaims")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("RoleId").AsString(64).NotNullable().ForeignKey("FK_Users_RoleClaims_Role", "Users_Roles", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("ClaimType").AsString(int.MaxValue).Nullable()
            .WithColumn("ClaimValue").AsString(int.MaxValue).Nullable();
        Create.Index("IX_Users_RoleClaims_RoleId").OnTable("Users_RoleClaims").OnColumn("RoleId");
    }

    private void CreateUserLogins()
    {
        Create.Table("Users_UserLogins")
            .WithColumn("LoginProvider").AsString(128).PrimaryKey()
            .WithColumn("ProviderKey").AsString(128).PrimaryKey()
            .WithColumn("ProviderDisplayName").AsString(int.MaxValue).Nullable()
            .WithColumn("UserId").AsString(64).NotNullable().ForeignKey("FK_Users_UserLogins_User", "Users_Users", "Id").OnDelete(System.Data.Rule.Cascade);
        Create.Index("IX_Users_UserLogins_UserId").OnTable("Users_UserLogins").OnColumn("UserId");
    }

    private void CreateUserTokens()
    {
        Create.Table("Users_UserTokens")
            .WithColumn("UserId").AsString(64).PrimaryKey().ForeignKey("FK_Users_UserTokens_User", "Users_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("LoginProvider").AsString(128).PrimaryKey()
            .WithColumn("Name").AsString(128).PrimaryKey()
            .WithColumn("Value").AsString(int.MaxValue).Nullable();
    }

    private void CreateAccessTokens()
    {
        Create.Table("Users_AccessTokens")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("UserId").AsString(64).NotNullable().ForeignKey("FK_Users_AccessTokens_User", "Users_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("Name").AsString(100).NotNullable()
            .WithColumn("TokenHash").AsString(64).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("ExpiresUtc").AsDateTimeOffset().Nullable()
            .WithColumn("RevokedUtc").AsDateTimeOffset().Nullable();
        Create.Index("UX_Users_AccessTokens_TokenHash").OnTable("Users_AccessTokens").OnColumn("TokenHash").Unique();
        Create.Index("IX_Users_AccessTokens_UserId").OnTable("Users_AccessTokens").OnColumn("UserId");
    }
}
