using FluentMigrator;

namespace InternalSocial.QuickLinks.Migrations;

[Migration(1, "Quick links")]
internal sealed class CreateLinks : Migration
{
    public override void Up()
    {
        Create.Table("QuickLinks_Links")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Title").AsString(100).NotNullable()
            .WithColumn("Url").AsString(2000).NotNullable()
            .WithColumn("Description").AsString(500).NotNullable()
            .WithColumn("Position").AsInt32().NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("CreatedBy").AsString(64).NotNullable();
        Create.Index("IX_QuickLinks_Links_Position").OnTable("QuickLinks_Links").OnColumn("Position").Ascending().OnColumn("Title").Ascending();
    }

    public override void Down() => Delete.Table("QuickLinks_Links");
}
