namespace InternalSocial.Feed.Models;

internal sealed class Follow
{
    public required string UserId { get; set; }

    public required string Kind { get; set; }

    public required string Target { get; set; }
}
