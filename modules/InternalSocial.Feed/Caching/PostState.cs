using InternalSocial.Feed.Models;

namespace InternalSocial.Feed.Caching;

/// <summary>What may change in a post's row without its text changing, read for a page's candidates.</summary>
internal sealed record PostState(long Id, long CardVersion, PostStatus Status, string AuthorId, DateTime PublishedUtc, DateTime? ExpiresUtc, DateTime? PinnedUntilUtc, DateTime? DeletedUtc, long? RelayOfPostId)
{
    public bool IsListed(DateTime now) =>
        DeletedUtc is null && Status == PostStatus.Published && PublishedUtc <= now && (ExpiresUtc is null || ExpiresUtc > now);

    public bool Matches(Post post) =>
        post.Id == Id && post.CardVersion == CardVersion && post.Status == Status && post.AuthorId == AuthorId && post.PublishedUtc == PublishedUtc
        && post.ExpiresUtc == ExpiresUtc && post.PinnedUntilUtc == PinnedUntilUtc && post.DeletedUtc == DeletedUtc && post.RelayOfPostId == RelayOfPostId;
}
