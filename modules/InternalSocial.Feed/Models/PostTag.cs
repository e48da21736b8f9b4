namespace InternalSocial.Feed.Models;

internal sealed class PostTag
{
    public long PostId { get; set; }

    /// <summary>Lower case, without the '#'.</summary>
    public required string Tag { get; set; }
}
