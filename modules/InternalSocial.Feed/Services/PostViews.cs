using InternalSocial.Feed.Caching;

namespace InternalSocial.Feed.Services;

/// <summary>
/// Counts each post's view once per person, for the read side. The views this process does not know yet are queued
/// (<see cref="PendingViews"/>) and written in batches; a view written twice is kept once.
/// </summary>
internal sealed class PostViews(ReaderCardCache readerCache, PendingViews pendingViews, TimeProvider clock)
{
    public void Record(string userId, IReadOnlyList<long> postIds)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        if (userId.Length == 0 || postIds.Count == 0)
        {
            return;
        }

        var ids = postIds.Distinct().Where(id => !readerCache.HasSeen(userId, id)).ToList();
        if (ids.Count > 0)
        {
            pendingViews.Add(userId, ids, clock.GetUtcNow().UtcDateTime);
            readerCache.Seen(userId, ids);
        }
    }
}
