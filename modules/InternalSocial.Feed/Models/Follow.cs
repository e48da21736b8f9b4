namespace InternalSocial.Feed.Models;

public sealed class Follow
{
    public required string UserId { get; set; }

    public required string Kind { get; set; }

    public required string Target { get; set; }
}
