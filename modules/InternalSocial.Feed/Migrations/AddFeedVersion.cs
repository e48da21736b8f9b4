using FluentMigrator;

namespace InternalSocial.Feed.Migrations;

/// <summary>The feed's versions: one row, bumped in the transaction of every change to what a feed page shows (<c>FeedVersion</c>).</summary>
[Migration(3, "Feed: one version for the whole feed, for the cached first page of the home feed")]
internal sealed class AddFeedVersion : Migration
{
    public override void Up()
    {
        Create.Table("Feed_Version")
            .WithColumn("Id").AsInt32().PrimaryKey()
            .WithColumn("Posts").AsInt64().NotNullable()
            .WithColumn("Cards").AsInt64().NotNullable();
        Insert.IntoTable("Feed_Version").Row(new { Id = 1, Posts = 0L, Cards = 0L });
    }

    public override void Down() => Delete.Table("Feed_Version");
}
