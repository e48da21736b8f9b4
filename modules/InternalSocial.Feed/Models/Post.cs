namespace InternalSocial.Feed.Models;

internal sealed class Post
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
