namespace InternalSocial.Feed.Models;

internal sealed class Comment
{
    public long Id { get; set; }

    public long PostId { get; set; }

    /// <summary>The comment this one replies to (one level only); null for a top-level comment.</summary>
    public long? ParentId { get; set; }

    public string AuthorId { get; set; } = "";

    public string Body { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? EditedUtc { get; set; }

    public DateTime? DeletedUtc { get; set; }
}
