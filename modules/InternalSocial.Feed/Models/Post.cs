namespace InternalSocial.Feed.Models;

/// <summary>Where a post stands in its life; only <see cref="Published"/> posts are read by others.</summary>
public enum PostStatus
{
    Published = 0,

    /// <summary>Held for approval (the workflows module, issue 8).</summary>
    Pending = 1,
    Rejected = 2,
    ChangesRequested = 3,
}

public sealed class Post
{
    public long Id { get; set; }

    /// <summary>The author's user id; empty once the author's personal data is erased.</summary>
    public string AuthorId { get; set; } = "";

    /// <summary>The Markdown the author wrote.</summary>
    public string Body { get; set; } = "";

    /// <summary>The sanitized HTML, rendered once when the post is written.</summary>
    public string Html { get; set; } = "";

    public PostStatus Status { get; set; }

    /// <summary>The group the post lives in; null for the organisation-wide feed.</summary>
    public long? GroupId { get; set; }

    /// <summary>Shared by the posts created together when one message goes to several groups.</summary>
    public string? BatchId { get; set; }

    /// <summary>True when everyone may read it; false when only the audiences in <see cref="PostAudience"/> may.</summary>
    public bool AudienceEveryone { get; set; } = true;

    public bool IsAnnouncement { get; set; }

    public bool RequiresAcknowledgement { get; set; }

    /// <summary>On top of everyone's feed until then.</summary>
    public DateTime? PinnedUntilUtc { get; set; }

    /// <summary>When it shows in feeds; in the future for a scheduled post.</summary>
    public DateTime PublishedUtc { get; set; }

    public DateTime? ExpiresUtc { get; set; }

    /// <summary>The post this one relays (shares with a comment), crediting its author.</summary>
    public long? RelayOfPostId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? EditedUtc { get; set; }

    /// <summary>Soft deletion: moderators can still see and restore it.</summary>
    public DateTime? DeletedUtc { get; set; }

    public string? DeletedBy { get; set; }

    /// <summary>
    /// Bumped (in SQL, +1) after every change to what the feed shows around the post for everyone: reactions, comments,
    /// tags, attachments, the post itself. The shared card cache (<c>PostCardCache</c>) keys its entries by it.
    /// </summary>
    public long CardVersion { get; set; }
}

public static class AudienceKinds
{
    public const string Department = "department";
    public const string Site = "site";
}

/// <summary>One department or site a targeted post is meant for.</summary>
public sealed class PostAudience
{
    public long PostId { get; set; }

    public required string Kind { get; set; }

    public required string Value { get; set; }
}

public sealed class PostTag
{
    public long PostId { get; set; }

    /// <summary>Lower case, without the '#'.</summary>
    public required string Tag { get; set; }
}

/// <summary>A person mentioned in a post or a comment (CommentId 0 for the post itself).</summary>
public sealed class Mention
{
    public long PostId { get; set; }

    public long CommentId { get; set; }

    public required string UserId { get; set; }
}

/// <summary>An earlier version of a post, kept on each edit for moderators.</summary>
public sealed class PostRevision
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public string Body { get; set; } = "";

    public DateTime EditedUtc { get; set; }

    public string EditedBy { get; set; } = "";
}

public sealed class Comment
{
    public long Id { get; set; }

    public long PostId { get; set; }

    /// <summary>The comment this one replies to (one level only); null for a top-level comment.</summary>
    public long? ParentId { get; set; }

    public string AuthorId { get; set; } = "";

    public string Body { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? EditedUtc { get; set; }

    public DateTime? DeletedUtc { get; set; }
}

/// <summary>One person's reaction to a post; the primary key (PostId, UserId) makes it one per person.</summary>
public sealed class PostReaction
{
    public long PostId { get; set; }

    public required string UserId { get; set; }

    public required string Type { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public sealed class CommentReaction
{
    public long CommentId { get; set; }

    public required string UserId { get; set; }

    public required string Type { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A kind of reaction offered under posts (like, celebrate…), configured by recipe.</summary>
public sealed class ReactionType
{
    public required string Key { get; set; }

    public required string Label { get; set; }

    public string Emoji { get; set; } = "";

    public int Position { get; set; }
}

/// <summary>A tag the organisation curates: official tags are highlighted, pinned ones are offered first.</summary>
public sealed class Tag
{
    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public bool IsOfficial { get; set; }

    public bool IsPinned { get; set; }
}

public static class FollowKinds
{
    public const string Person = "person";
    public const string Tag = "tag";
}

public sealed class Follow
{
    public required string UserId { get; set; }

    public required string Kind { get; set; }

    public required string Target { get; set; }
}

public sealed class Acknowledgement
{
    public long PostId { get; set; }

    public required string UserId { get; set; }

    public DateTime AcknowledgedUtc { get; set; }
}

/// <summary>The first time a person saw a post (reach).</summary>
public sealed class PostView
{
    public long PostId { get; set; }

    public required string UserId { get; set; }

    public DateTime ViewedUtc { get; set; }
}

public sealed class Attachment
{
    public long Id { get; set; }

    /// <summary>Null until the upload is attached to a post.</summary>
    public long? PostId { get; set; }

    public required string UploadedBy { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required string StoragePath { get; set; }

    public long Size { get; set; }

    public bool IsImage { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// The feed's one version row, bumped in the same transaction as every change to what a feed page shows, so a kept
/// first page knows it is current with one small read: <see cref="Posts"/> when which posts are listed may have changed
/// (a post published, hidden, pinned, its audience), <see cref="Cards"/> at every change (reactions, comments, tags,
/// attachments, the posts themselves).
/// </summary>
public sealed class FeedVersion
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long Posts { get; set; }

    public long Cards { get; set; }
}
