namespace InternalSocial.Feed.Models;

/// <summary>A person mentioned in a post or a comment (CommentId 0 for the post itself).</summary>
internal sealed class Mention
{
    public long PostId { get; set; }

    public long CommentId { get; set; }

    public required string UserId { get; set; }
}
