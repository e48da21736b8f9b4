using FluentMigrator;

namespace InternalSocial.Users.Migrations;

/// <summary>
/// Schema version 2: profile fields on the accounts, the searchable terms (name tokens, skills, languages,
/// interests), endorsements, custom fields defined by administrators and the audit of deactivations and erasures.
/// </summary>
[Migration(2, "Profiles, directory terms, custom fields, audit")]
internal sealed class AddProfiles : Migration
{
    public override void Up()
    {
        AddProfileColumns();
        CreatePersonTerms();
        CreateEndorsements();
        CreateProfileFields();
        CreateProfileFieldValues();
        CreateAudit();
    }

    public override void Down()
    {
        foreach (var table in new[] { "Users_Audit", "Users_ProfileFieldValues", "Users_ProfileFields", "Users_Endorsements", "Users_PersonTerms" })
        {
            Delete.Table(table);
        }

        Delete.Index("IX_Users_Users_ManagerId").OnTable("Users_Users");
        Delete.Index("IX_Users_Users_Site").OnTable("Users_Users");
        Delete.Index("IX_Users_Users_Department").OnTable("Users_Users");
        Delete.Index("IX_Users_Users_DirectoryKey").OnTable("Users_Users");
        Delete.Column("GuestExpiresUtc").Column("ErasedUtc").Column("DeactivatedUtc").Column("IsActive").Column("PhotoVersion")
            .Column("DirectoryKey").Column("HiddenFields").Column("PreferredLanguage").Column("About").Column("ManagerId")
            .Column("NormalizedSite").Column("Site").Column("NormalizedDepartment").Column("Department").Column("JobTitle")
            .FromTable("Users_Users");
    }

    private void AddProfileColumns()
    {
        Alter.Table("Users_Users")
            .AddColumn("JobTitle").AsString(200).Nullable()
            .AddColumn("Department").AsString(200).Nullable()
            .AddColumn("NormalizedDepartment").AsString(200).Nullable()
            .AddColumn("Site").AsString(200).Nullable()
            .AddColumn("NormalizedSite").AsString(200).Nullable()
            .AddColumn("ManagerId").AsString(64).Nullable()
            .AddColumn("About").AsString(1000).Nullable()
            .AddColumn("PreferredLanguage").AsString(10).Nullable()
            .AddColumn("HiddenFields").AsString(500).Nullable()
            .AddColumn("DirectoryKey").AsString(300).Nullable()
            .AddColumn("PhotoVersion").AsInt32().Nullable()
            .AddColumn("IsActive").AsBoolean().NotNullable().WithDefaultValue(true)
            .AddColumn("DeactivatedUtc").AsDateTimeOffset().Nullable()
            .AddColumn("ErasedUtc").AsDateTimeOffset().Nullable()
            .AddColumn("GuestExpiresUtc").AsDateTimeOffset().Nullable();
        Execute.Sql("UPDATE \"Users_Users\" SET \"DirectoryKey\" = UPPER(\"DisplayName\") || '|' || \"Id\"");
        Create.Index("IX_Users_Users_DirectoryKey").OnTable("Users_Users").OnColumn("DirectoryKey");
        Create.Index("IX_Users_Users_Department").OnTable("Users_Users").OnColumn("NormalizedDepartment").Ascending().OnColumn("DirectoryKey").Ascending();
        Create.Index("IX_Users_Users_Site").OnTable("Users_Users").OnColumn("NormalizedSite").Ascending().OnColumn("DirectoryKey").Ascending();
        Create.Index("IX_Users_Users_ManagerId").OnTable("Users_Users").OnColumn("ManagerId").Ascending().OnColumn("DirectoryKey").Ascending();
    }

    private void CreatePersonTerms()
    {
        Create.Table("Users_PersonTerms")
            .WithColumn("UserId").AsString(64).PrimaryKey().ForeignKey("FK_Users_PersonTerms_User", "Users_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("Kind").AsString(16).PrimaryKey()
            .WithColumn("Value").AsString(100).PrimaryKey()
            .WithColumn("Display").AsString(100).NotNullable();
        // Byte order for the name-prefix range scans comes with version 5 (CollatePersonTermsByBytes).
        Create.Index("IX_Users_PersonTerms_Value").OnTable("Users_PersonTerms")
            .OnColumn("Kind").Ascending().OnColumn("Value").Ascending().OnColumn("UserId").Ascending();
    }

    private void CreateEndorsements()
    {
        Create.Table("Users_Endorsements")
            .WithColumn("UserId").AsString(64).PrimaryKey().ForeignKey("FK_Users_Endorsements_User", "Users_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("Skill").AsString(100).PrimaryKey()
            .WithColumn("EndorserId").AsString(64).PrimaryKey()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_Users_Endorsements_EndorserId").OnTable("Users_Endorsements").OnColumn("EndorserId");
    }

    private void CreateProfileFields()
    {
        Create.Table("Users_ProfileFields")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("Label").AsString(100).NotNullable()
            .WithColumn("Kind").AsString(16).NotNullable()
            .WithColumn("Choices").AsString(2000).Nullable()
            .WithColumn("Visibility").AsString(16).NotNullable()
            .WithColumn("Position").AsInt32().NotNullable();
    }

    private void CreateProfileFieldValues()
    {
        Create.Table("Users_ProfileFieldValues")
            .WithColumn("UserId").AsString(64).PrimaryKey().ForeignKey("FK_Users_ProfileFieldValues_User", "Users_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("FieldId").AsString(64).PrimaryKey().ForeignKey("FK_Users_ProfileFieldValues_Field", "Users_ProfileFields", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("Value").AsString(1000).NotNullable();
    }

    private void CreateAudit()
    {
        Create.Table("Users_Audit")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Action").AsString(32).NotNullable()
            .WithColumn("UserId").AsString(64).NotNullable()
            .WithColumn("ByUserId").AsString(64).NotNullable()
            .WithColumn("AtUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_Users_Audit_UserId").OnTable("Users_Audit").OnColumn("UserId");
    }
}
