namespace InternalSocial.Feed.Models;

internal sealed class CommentReaction
{
    public long CommentId { get; set; }

    public required string UserId { get; set; }

    public required string Type { get; set; }

    public DateTime CreatedUtc { get; set; }
}
