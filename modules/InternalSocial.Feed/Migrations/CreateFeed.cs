using FluentMigrator;

namespace InternalSocial.Feed.Migrations;

[Migration(1, "Feed: posts, comments, reactions, tags, follows, announcements, attachments")]
internal sealed class CreateFeed : Migration
{
    public override void Up()
    {
        CreatePosts();
        CreateComments();
        CreateTagsFollowsAndFiles();
    }

    /// <summary>Posts, their audiences, tags, mentions and earlier versions.</summary>
    private void CreatePosts()
    {
        Create.Table("Feed_Posts")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AuthorId").AsString(64).NotNullable()
            .WithColumn("Body").AsString(int.MaxValue).NotNullable()
            .WithColumn("Html").AsString(int.MaxValue).NotNullable()
            .WithColumn("Status").AsInt32().NotNullable()
            .WithColumn("GroupId").AsInt64().Nullable()
            .WithColumn("BatchId").AsString(36).Nullable()
            .WithColumn("AudienceEveryone").AsBoolean().NotNullable()
            .WithColumn("IsAnnouncement").AsBoolean().NotNullable()
            .WithColumn("RequiresAcknowledgement").AsBoolean().NotNullable()
            .WithColumn("PinnedUntilUtc").AsDateTimeOffset().Nullable()
            .WithColumn("PublishedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("ExpiresUtc").AsDateTimeOffset().Nullable()
            .WithColumn("RelayOfPostId").AsInt64().Nullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("EditedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("DeletedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("DeletedBy").AsString(64).Nullable();

        // The feed's keyset: newest first, ties broken by id.
        Create.Index("IX_Feed_Posts_Published").OnTable("Feed_Posts").OnColumn("PublishedUtc").Descending().OnColumn("Id").Descending();
        Create.Index("IX_Feed_Posts_Author").OnTable("Feed_Posts").OnColumn("AuthorId").Ascending().OnColumn("PublishedUtc").Descending();
        Create.Index("IX_Feed_Posts_Group").OnTable("Feed_Posts").OnColumn("GroupId").Ascending().OnColumn("PublishedUtc").Descending();
        Create.Index("IX_Feed_Posts_Pinned").OnTable("Feed_Posts").OnColumn("PinnedUntilUtc").Ascending();
        Create.Index("IX_Feed_Posts_Relay").OnTable("Feed_Posts").OnColumn("RelayOfPostId").Ascending();

        Create.Table("Feed_PostAudiences")
            .WithColumn("PostId").AsInt64().PrimaryKey()
            .WithColumn("Kind").AsString(16).PrimaryKey()
            .WithColumn("Value").AsString(100).PrimaryKey();
        Create.Index("IX_Feed_PostAudiences_Value").OnTable("Feed_PostAudiences").OnColumn("Kind").Ascending().OnColumn("Value").Ascending();

        Create.Table("Feed_PostTags")
            .WithColumn("PostId").AsInt64().PrimaryKey()
            .WithColumn("Tag").AsString(50).PrimaryKey();
        Create.Index("IX_Feed_PostTags_Tag").OnTable("Feed_PostTags").OnColumn("Tag").Ascending().OnColumn("PostId").Descending();

        Create.Table("Feed_Mentions")
            .WithColumn("PostId").AsInt64().PrimaryKey()
            .WithColumn("CommentId").AsInt64().PrimaryKey()
            .WithColumn("UserId").AsString(64).PrimaryKey();
        Create.Index("IX_Feed_Mentions_User").OnTable("Feed_Mentions").OnColumn("UserId").Ascending();

        Create.Table("Feed_PostRevisions")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("PostId").AsInt64().NotNullable()
            .WithColumn("Body").AsString(int.MaxValue).NotNullable()
            .WithColumn("EditedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("EditedBy").AsString(64).NotNullable();
        Create.Index("IX_Feed_PostRevisions_Post").OnTable("Feed_PostRevisions").OnColumn("PostId").Ascending();
    }

    /// <summary>Comments, reactions to posts and comments, and the reaction set.</summary>
    private void CreateComments()
    {
        Create.Table("Feed_Comments")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("PostId").AsInt64().NotNullable()
            .WithColumn("ParentId").AsInt64().Nullable()
            .WithColumn("AuthorId").AsString(64).NotNullable()
            .WithColumn("Body").AsString(int.MaxValue).NotNullable()
            .WithColumn("Html").AsString(int.MaxValue).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("EditedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("DeletedUtc").AsDateTimeOffset().Nullable();
        Create.Index("IX_Feed_Comments_Post").OnTable("Feed_Comments").OnColumn("PostId").Ascending().OnColumn("Id").Ascending();
        Create.Index("IX_Feed_Comments_Author").OnTable("Feed_Comments").OnColumn("AuthorId").Ascending();

        Create.Table("Feed_PostReactions")
            .WithColumn("PostId").AsInt64().PrimaryKey()
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("Type").AsString(32).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_Feed_PostReactions_User").OnTable("Feed_PostReactions").OnColumn("UserId").Ascending();

        Create.Table("Feed_CommentReactions")
            .WithColumn("CommentId").AsInt64().PrimaryKey()
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("Type").AsString(32).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_Feed_CommentReactions_User").OnTable("Feed_CommentReactions").OnColumn("UserId").Ascending();

        Create.Table("Feed_ReactionTypes")
            .WithColumn("Key").AsString(32).PrimaryKey()
            .WithColumn("Label").AsString(50).NotNullable()
            .WithColumn("Emoji").AsString(16).NotNullable()
            .WithColumn("Position").AsInt32().NotNullable();
        var position = 0;
        foreach (var (key, label, emoji) in new[] { ("like", "Like", "👍"), ("celebrate", "Celebrate", "🎉"), ("support", "Support", "🤝"), ("insightful", "Insightful", "💡"), ("funny", "Funny", "😄") })
        {
            Insert.IntoTable("Feed_ReactionTypes").Row(new { Key = key, Label = label, Emoji = emoji, Position = position += 10 });
        }
    }

    /// <summary>Curated tags, follows, acknowledgements, views and attachments.</summary>
    private void CreateTagsFollowsAndFiles()
    {
        Create.Table("Feed_Tags")
            .WithColumn("Name").AsString(50).PrimaryKey()
            .WithColumn("Description").AsString(300).NotNullable()
            .WithColumn("IsOfficial").AsBoolean().NotNullable()
            .WithColumn("IsPinned").AsBoolean().NotNullable();

        Create.Table("Feed_Follows")
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("Kind").AsString(16).PrimaryKey()
            .WithColumn("Target").AsString(64).PrimaryKey();

        Create.Table("Feed_Acknowledgements")
            .WithColumn("PostId").AsInt64().PrimaryKey()
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("AcknowledgedUtc").AsDateTimeOffset().NotNullable();

        Create.Table("Feed_PostViews")
            .WithColumn("PostId").AsInt64().PrimaryKey()
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("ViewedUtc").AsDateTimeOffset().NotNullable();

        Create.Table("Feed_Attachments")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("PostId").AsInt64().Nullable()
            .WithColumn("UploadedBy").AsString(64).NotNullable()
            .WithColumn("FileName").AsString(200).NotNullable()
            .WithColumn("ContentType").AsString(100).NotNullable()
            .WithColumn("StoragePath").AsString(300).NotNullable()
            .WithColumn("Size").AsInt64().NotNullable()
            .WithColumn("IsImage").AsBoolean().NotNullable()
            .WithColumn("Width").AsInt32().NotNullable()
            .WithColumn("Height").AsInt32().NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_Feed_Attachments_Post").OnTable("Feed_Attachments").OnColumn("PostId").Ascending();
    }

    public override void Down()
    {
        foreach (var table in new[] { "Feed_Attachments", "Feed_PostViews", "Feed_Acknowledgements", "Feed_Follows", "Feed_Tags", "Feed_ReactionTypes", "Feed_CommentReactions", "Feed_PostReactions", "Feed_Comments", "Feed_PostRevisions", "Feed_Mentions", "Feed_PostTags", "Feed_PostAudiences", "Feed_Posts" })
        {
            Delete.Table(table);
        }
    }
}
