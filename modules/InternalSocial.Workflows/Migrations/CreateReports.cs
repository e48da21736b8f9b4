using FluentMigrator;

namespace InternalSocial.Workflows.Migrations;

[Migration(2, "Reports of content by employees")]
internal sealed class CreateReports : Migration
{
    public override void Up()
    {
        Create.Table("Workflows_Reports")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("ContentType").AsString(50).NotNullable()
            .WithColumn("ContentId").AsString(100).NotNullable()
            .WithColumn("GroupId").AsInt64().Nullable()
            .WithColumn("AuthorId").AsString(64).NotNullable()
            .WithColumn("Summary").AsString(300).NotNullable()
            .WithColumn("ReporterId").AsString(64).NotNullable()
            .WithColumn("Reason").AsString(50).NotNullable()
            .WithColumn("Comment").AsString(500).Nullable()
            .WithColumn("CreatedUtc").AsDateTime().NotNullable();
        // One report per person and content; counting a content's reports reads this index too.
        Create.Index("UX_Workflows_Reports_Content_Reporter").OnTable("Workflows_Reports")
            .OnColumn("ContentType").Ascending().OnColumn("ContentId").Ascending().OnColumn("ReporterId").Ascending().WithOptions().Unique();
        Create.Index("IX_Workflows_Reports_Created").OnTable("Workflows_Reports").OnColumn("Id").Descending();
    }

    public override void Down() => Delete.Table("Workflows_Reports");
}
