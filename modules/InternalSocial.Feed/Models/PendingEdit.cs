namespace InternalSocial.Feed.Models;

/// <summary>
/// An edit of a published post that a review holds (the same review as a new post): readers keep seeing the published
/// version until a moderator approves the edit, which then replaces it, or rejects it, which discards it. One per post.
/// </summary>
internal sealed class PendingEdit
{
    public long PostId { get; set; }

    public string Body { get; set; } = "";

    /// <summary>The tags the author gave, space-separated (a tag holds no space).</summary>
    public string Tags { get; set; } = "";

    /// <summary>A new expiry the edit sets; null keeps the post's.</summary>
    public DateTime? ExpiresUtc { get; set; }

    public DateTime EditedUtc { get; set; }

    public string EditedBy { get; set; } = "";
}
