using FluentMigrator;

namespace InternalSocial.Feed.Migrations;

/// <summary>Edits of published posts waiting for approval (see <c>PendingEdit</c>).</summary>
[Migration(5, "Feed: edits of published posts that wait for approval")]
internal sealed class AddPendingEdits : Migration
{
    public override void Up() =>
        Create.Table("Feed_PendingEdits")
            .WithColumn("PostId").AsInt64().PrimaryKey()
            .WithColumn("Body").AsString(int.MaxValue).NotNullable()
            .WithColumn("Tags").AsString(int.MaxValue).NotNullable()
            .WithColumn("ExpiresUtc").AsDateTimeOffset().Nullable()
            .WithColumn("EditedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("EditedBy").AsString(64).NotNullable();

    public override void Down() => Delete.Table("Feed_PendingEdits");
}
