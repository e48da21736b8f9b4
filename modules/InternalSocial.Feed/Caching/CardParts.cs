using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Caching;

/// <summary>
/// What a feed card shows around a post that is the same for every reader who may see the post: reaction counts, the
/// comment count, the first comments, attachments, tags. Never who reads, never whether they may read: the post ids come
/// from the reader's own visibility query, and the reader's own parts (my reaction, acknowledged) are read per page.
/// </summary>
/// <param name="Comments">Detached entities shared by every reader: never change them.</param>
internal sealed record CardParts(
    long Version,
    IReadOnlyList<ReactionCount> Reactions,
    int CommentCount,
    IReadOnlyList<Comment> Comments,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<string> Tags);
