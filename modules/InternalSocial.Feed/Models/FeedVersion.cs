namespace InternalSocial.Feed.Models;

/// <summary>
/// The feed's one version row, bumped in the same transaction as every change to what a feed page shows, so a kept
/// first page knows it is current with one small read: <see cref="Posts"/> when which posts are listed may have changed
/// (a post published, hidden, pinned, its audience), <see cref="Cards"/> at every change (reactions, comments, tags,
/// attachments, the posts themselves).
/// </summary>
internal sealed class FeedVersion
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long Posts { get; set; }

    public long Cards { get; set; }
}
