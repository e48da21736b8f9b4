namespace InternalSocial.Feed.Models;

/// <summary>One department or site a targeted post is meant for.</summary>
internal sealed class PostAudience
{
    public long PostId { get; set; }

    public required string Kind { get; set; }

    public required string Value { get; set; }
}
