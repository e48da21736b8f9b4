namespace InternalSocial.Feed.Models;

/// <summary>An earlier version of a post, kept on each edit for moderators.</summary>
internal sealed class PostRevision
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public string Body { get; set; } = "";

    public DateTime EditedUtc { get; set; }

    public string EditedBy { get; set; } = "";
}
