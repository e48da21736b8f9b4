using System.Globalization;
using InternalSocial.Feed.Caching;
using InternalSocial.Feed.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>Reads the streams a reader's home feed needs (from the cache, or the database when stale) and merges them.</summary>
internal sealed class HomeFeedFirstPage(FeedDbContext db, HomeFeedStreams streams, PostVisibility visibility, TimeProvider clock)
{
    /// <summary>
    /// The pinned posts and the first <paramref name="size"/> (+1) posts of the reader's home feed, checked; null when a
    /// candidate no longer holds (a change committed while reading), and the caller then reads the page from the database.
    /// </summary>
    public async Task<(List<Post> Pinned, List<Post> Stream)?> TryReadAsync(FeedReader scope, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);

        var keys = Keys(scope);
        if (keys.Count > HomeFeedStreams.MaxStreamsPerPage)
        {
            return null;
        }

        // Read before anything from the feed: what is read after it is at least as new, so it may be kept under it.
        // Without the row (a database restored without it) nothing can be kept, and the caller reads the page itself.
        if (await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == FeedVersion.SingleId, cancellationToken) is not { } version)
        {
            return null;
        }

        var signature = new PageKey(keys, size);
        if (streams.TryGetPage(signature, version, out var page))
        {
            // Kept for readers of the same audiences, but served only once checked against this reader.
            return await visibility.AllVisibleAsync(scope, [.. page.Pinned, .. page.Stream], cancellationToken) ? (page.Pinned, page.Stream) : null;
        }

        var (pinnedIds, streamIds, validUntil) = await MergeAsync(keys, version.Posts, size, cancellationToken);
        if (pinnedIds.Count + streamIds.Count == 0)
        {
            streams.StorePage(signature, new CheckedPage(version.Posts, version.Cards, validUntil, [], []));
            return ([], []);
        }

        // The candidates' current state, among the posts this reader may see (a stream is an audience's, not the reader's):
        // a few small columns by primary key. One parameter for the whole list, so the
        // SQL is the same whatever the count and EF Core does not generate it again. (Not an EF compiled query: one is
        // bound to the provider it first ran on, and tenants may use different ones.)
        List<long> ids = [.. pinnedIds, .. streamIds];
        var states = await visibility.Visible(scope).Where(p => EF.Parameter(ids).Contains(p.Id))
            .Select(p => new PostState(p.Id, p.CardVersion, p.Status, p.AuthorId, p.PublishedUtc, p.ExpiresUtc, p.PinnedUntilUtc, p.DeletedUtc, p.RelayOfPostId))
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        // Every candidate must still be listed and visible to the reader, and pinned or not as its stream says: a stream
        // read before a change committed and states read after it disagree, and the caller then reads the page itself.
        var now = clock.GetUtcNow().UtcDateTime;
        if (pinnedIds.Any(id => !states.TryGetValue(id, out var p) || !p.IsListed(now) || !(p.PinnedUntilUtc > now))
            || streamIds.Any(id => !states.TryGetValue(id, out var p) || !p.IsListed(now) || p.PinnedUntilUtc > now))
        {
            return null;
        }

        var rows = await RowsAsync(states, cancellationToken);
        page = new CheckedPage(version.Posts, version.Cards, validUntil, pinnedIds.Select(id => rows[id]).ToList(), streamIds.Select(id => rows[id]).ToList());
        streams.StorePage(signature, page);
        return (page.Pinned, page.Stream);
    }

    /// <summary>The candidates of a first page: the ids of the reader's streams merged, newest first, and until when they hold.</summary>
    private async Task<(List<long> Pinned, List<long> Stream, DateTime ValidUntil)> MergeAsync(IReadOnlyList<StreamKey> keys, long postsVersion, int size, CancellationToken cancellationToken)
    {
        var newest = new List<StreamPost>();
        var pinned = new List<StreamPost>();
        var validUntil = DateTime.MaxValue;
        foreach (var key in keys)
        {
            var stream = streams.TryGet(key, postsVersion, out var hit) ? hit : await BuildAsync(key, postsVersion, cancellationToken);
            newest.AddRange(stream.Newest);
            pinned.AddRange(stream.Pinned);
            validUntil = stream.ValidUntilUtc < validUntil ? stream.ValidUntilUtc : validUntil;
        }

        var pinnedIds = pinned.DistinctBy(p => p.Id).OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id)
            .Take(FeedQuery.MaxPinned).Select(p => p.Id).ToList();
        var streamIds = newest.DistinctBy(p => p.Id).OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id)
            .Take(size + 1).Select(p => p.Id).ToList();
        return (pinnedIds, streamIds, validUntil);
    }

    /// <summary>The streams of the reader's home feed: company-wide audiences when they may see the company, and their groups.</summary>
    private static List<StreamKey> Keys(FeedReader scope)
    {
        var keys = new List<StreamKey>(3 + scope.GroupIds.Count);
        if (scope.CanViewCompany)
        {
            keys.Add(new StreamKey(StreamKind.Everyone, ""));
            if (!string.IsNullOrEmpty(scope.Department))
            {
                keys.Add(new StreamKey(StreamKind.Department, scope.Department));
            }

            if (!string.IsNullOrEmpty(scope.Site))
            {
                keys.Add(new StreamKey(StreamKind.Site, scope.Site));
            }
        }

        keys.AddRange(scope.GroupIds.Select(id => new StreamKey(StreamKind.Group, id.ToString(CultureInfo.InvariantCulture))));
        return keys;
    }

    /// <summary>
    /// The posts themselves: from the shared row cache when they are in the state just read (every change to a post's
    /// text or tags bumps its card version), the others read whole and kept.
    /// </summary>
    private async Task<Dictionary<long, Post>> RowsAsync(Dictionary<long, PostState> states, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<long, Post>(states.Count);
        var missing = new List<long>();
        foreach (var state in states.Values)
        {
            if (streams.TryGetRow(state, out var post))
            {
                rows[state.Id] = post;
            }
            else
            {
                missing.Add(state.Id);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var post in await db.Posts.AsNoTracking().Where(p => EF.Parameter(missing).Contains(p.Id)).ToListAsync(cancellationToken))
            {
                rows[post.Id] = post;
                streams.StoreRow(post);
            }
        }

        return rows;
    }

    private async Task<FeedStream> BuildAsync(StreamKey key, long version, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var listed = db.Posts.AsNoTracking().Where(p => p.DeletedUtc == null && p.Status == PostStatus.Published && p.PublishedUtc <= now
            && (p.ExpiresUtc == null || p.ExpiresUtc > now));
        var value = key.Value;
        var groupId = key.Kind == StreamKind.Group ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
        listed = key.Kind switch
        {
            StreamKind.Everyone => listed.Where(p => p.GroupId == null && p.AudienceEveryone),
            // From the audience index: a department's few posts, not a walk down the whole feed looking for them.
            StreamKind.Department => listed.Where(p => p.GroupId == null && !p.AudienceEveryone
                && db.Audiences.Where(a => a.Kind == AudienceKinds.Department && a.Value == value).Select(a => a.PostId).Contains(p.Id)),
            StreamKind.Site => listed.Where(p => p.GroupId == null && !p.AudienceEveryone
                && db.Audiences.Where(a => a.Kind == AudienceKinds.Site && a.Value == value).Select(a => a.PostId).Contains(p.Id)),
            _ => listed.Where(p => p.GroupId == groupId),
        };

        var newest = await listed.Where(p => p.PinnedUntilUtc == null || p.PinnedUntilUtc <= now)
            .OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).Take(HomeFeedStreams.Depth)
            .Select(p => new { p.Id, p.PublishedUtc, p.ExpiresUtc }).ToListAsync(cancellationToken);
        var pinned = await listed.Where(p => p.PinnedUntilUtc > now)
            .OrderBy(p => p.PinnedUntilUtc).Take(FeedQuery.MaxPinned * 10)
            .Select(p => new { p.Id, p.PublishedUtc, p.ExpiresUtc, p.PinnedUntilUtc }).ToListAsync(cancellationToken);
        if (!streams.TryGetNextScheduled(version, now, out var nextScheduled))
        {
            nextScheduled = await db.Posts.Where(p => p.PublishedUtc > now && p.Status == PostStatus.Published && p.DeletedUtc == null)
                .MinAsync(p => (DateTime?)p.PublishedUtc, cancellationToken);
            streams.StoreNextScheduled(version, nextScheduled);
        }

        var validUntil = newest.Select(p => p.ExpiresUtc).Concat(pinned.Select(p => p.ExpiresUtc)).Concat(pinned.Select(p => p.PinnedUntilUtc))
            .Append(nextScheduled).Where(t => t is not null).Select(t => t!.Value).Append(DateTime.MaxValue).Min();
        var stream = new FeedStream(
            version,
            validUntil,
            newest.Select(p => new StreamPost(p.Id, p.PublishedUtc)).ToList(),
            pinned.Select(p => new StreamPost(p.Id, p.PublishedUtc)).ToList());
        streams.Store(key, stream);
        return stream;
    }
}
