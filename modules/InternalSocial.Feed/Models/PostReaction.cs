namespace InternalSocial.Feed.Models;

/// <summary>One person's reaction to a post; the primary key (PostId, UserId) makes it one per person.</summary>
internal sealed class PostReaction
{
    public long PostId { get; set; }

    public required string UserId { get; set; }

    public required string Type { get; set; }

    public DateTime CreatedUtc { get; set; }
}
