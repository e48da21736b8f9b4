namespace InternalSocial.Feed.Models;

/// <summary>The first time a person saw a post (reach).</summary>
internal sealed class PostView
{
    public long PostId { get; set; }

    public required string UserId { get; set; }

    public DateTime ViewedUtc { get; set; }
}
