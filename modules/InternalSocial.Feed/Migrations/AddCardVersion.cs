using FluentMigrator;

namespace InternalSocial.Feed.Migrations;

/// <summary>The version the shared card cache checks against (see <c>Post.CardVersion</c>).</summary>
[Migration(2, "Feed: a card version on each post, for the shared card cache")]
internal sealed class AddCardVersion : Migration
{
    public override void Up() =>
        Alter.Table("Feed_Posts").AddColumn("CardVersion").AsInt64().NotNullable().WithDefaultValue(0);

    public override void Down() => Delete.Column("CardVersion").FromTable("Feed_Posts");
}
