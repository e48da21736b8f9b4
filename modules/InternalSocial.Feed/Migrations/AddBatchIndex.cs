using FluentMigrator;

namespace InternalSocial.Feed.Migrations;

/// <summary>
/// Posts by batch: a post sent to several groups at once is one post per group, and a notification about one copy
/// opens another copy when the person may no longer open the first.
/// </summary>
[Migration(4, "Feed: index posts by batch")]
internal sealed class AddBatchIndex : Migration
{
    public override void Up() => Create.Index("IX_Feed_Posts_BatchId").OnTable("Feed_Posts").OnColumn("BatchId").Ascending();

    public override void Down() => Delete.Index("IX_Feed_Posts_BatchId").OnTable("Feed_Posts");
}
