using System.Collections.Concurrent;
using System.Globalization;
using InternalSocial.Feed.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>The audiences a home feed is made of: everyone, a department, a site, a group.</summary>
public enum StreamKind
{
    Everyone,
    Department,
    Site,
    Group,
}

public readonly record struct StreamKey(StreamKind Kind, string Value);

/// <summary>A post's place in a stream: enough to merge streams, nothing a reader sees.</summary>
public readonly record struct StreamPost(long Id, DateTime PublishedUtc);

/// <summary>What may change in a post's row without its text changing, read for a page's candidates.</summary>
public sealed record PostState(long Id, long CardVersion, PostStatus Status, string AuthorId, DateTime PublishedUtc, DateTime? ExpiresUtc, DateTime? PinnedUntilUtc, DateTime? DeletedUtc, long? RelayOfPostId)
{
    public bool IsListed(DateTime now) =>
        DeletedUtc is null && Status == PostStatus.Published && PublishedUtc <= now && (ExpiresUtc is null || ExpiresUtc > now);

    public bool Matches(Post post) =>
        post.Id == Id && post.CardVersion == CardVersion && post.Status == Status && post.AuthorId == AuthorId && post.PublishedUtc == PublishedUtc
        && post.ExpiresUtc == ExpiresUtc && post.PinnedUntilUtc == PinnedUntilUtc && post.DeletedUtc == DeletedUtc && post.RelayOfPostId == RelayOfPostId;
}

/// <summary>
/// The newest listed posts of one audience (not pinned now), and those pinned now, as they were at posts version
/// <paramref name="Version"/> (<see cref="FeedVersion.Posts"/>); usable until <paramref name="ValidUntilUtc"/>, when one
/// of them expires, a pin ends or a scheduled post is due.
/// </summary>
public sealed record FeedStream(long Version, DateTime ValidUntilUtc, IReadOnlyList<StreamPost> Newest, IReadOnlyList<StreamPost> Pinned);

/// <summary>
/// The posts of a first page once checked, for the readers of the same audiences at the same feed versions. The lists
/// and posts are shared by every such reader: never change them.
/// </summary>
public sealed record CheckedPage(long PostsVersion, long CardsVersion, DateTime ValidUntilUtc, List<Post> Pinned, List<Post> Stream);

/// <summary>
/// The first page of the home feed without a scan of the feed (a tenant singleton). Per audience (everyone, a
/// department, a site, a group) it keeps the ids and dates of the newest posts; a reader's first page merges the streams
/// their audiences name, worked out at each request, and its candidates are read again by id and checked before anyone
/// sees them. What was checked is kept for the readers of the same audiences. Everything is tied to the feed's versions
/// (<see cref="FeedVersion"/>), which every change to a feed page bumps in its own transaction: one small read tells
/// whether what is kept is current, on every node. A reaction or a comment changes the cards' version only: the streams
/// stay, the candidates are checked again (docs/decisions, feed first page).
/// </summary>
public sealed class HomeFeedStreams(TimeProvider clock)
{
    /// <summary>Posts kept per stream: one page of the largest size, plus one to tell whether there is more.</summary>
    public const int Depth = FeedQuery.MaxPageSize + 1;

    /// <summary>Beyond this many streams (or checked pages) the cache starts again empty.</summary>
    public const int MaxStreams = 10_000;

    /// <summary>
    /// A reader whose home feed has more audiences than this (many groups) reads the page from the database: after each
    /// new post, rebuilding a stream per group would cost more than the one query.
    /// </summary>
    public const int MaxStreamsPerPage = 12;

    private readonly ConcurrentDictionary<StreamKey, FeedStream> _streams = new();
    private readonly ConcurrentDictionary<PageKey, CheckedPage> _pages = new();
    private readonly ConcurrentDictionary<long, Post> _rows = new();
    private ScheduledSnapshot? _scheduled;

    public bool TryGet(StreamKey key, long version, out FeedStream stream)
    {
        if (_streams.TryGetValue(key, out stream!) && stream.Version == version && clock.GetUtcNow().UtcDateTime < stream.ValidUntilUtc)
        {
            return true;
        }

        stream = null!;
        return false;
    }

    public void Store(StreamKey key, FeedStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (_streams.Count >= MaxStreams)
        {
            _streams.Clear();
        }

        _streams[key] = stream;
    }

    /// <summary>The checked page of these audiences and size, if still current.</summary>
    public bool TryGetPage(PageKey signature, FeedVersion version, out CheckedPage page)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (_pages.TryGetValue(signature, out page!) && page.PostsVersion == version.Posts && page.CardsVersion == version.Cards
            && clock.GetUtcNow().UtcDateTime < page.ValidUntilUtc)
        {
            return true;
        }

        page = null!;
        return false;
    }

    public void StorePage(PageKey signature, CheckedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (_pages.Count >= MaxStreams)
        {
            _pages.Clear();
        }

        _pages[signature] = page;
    }

    /// <summary>A post's row as last read, when it is still in <paramref name="state"/>. Shared by every reader: never change it.</summary>
    public bool TryGetRow(PostState state, out Post post)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _rows.TryGetValue(state.Id, out post!) && state.Matches(post);
    }

    public void StoreRow(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (_rows.Count >= PostCardCache.MaxEntries)
        {
            _rows.Clear();
        }

        _rows.AddOrUpdate(post.Id, post, (_, old) => old.CardVersion > post.CardVersion ? old : post);
    }

    /// <summary>When the next scheduled post is due, as last read at this version; null when it must be read.</summary>
    internal bool TryGetNextScheduled(long version, DateTime now, out DateTime? next)
    {
        if (_scheduled is { } snapshot && snapshot.Version == version && (snapshot.NextUtc is null || now < snapshot.NextUtc))
        {
            next = snapshot.NextUtc;
            return true;
        }

        next = null;
        return false;
    }

    internal void StoreNextScheduled(long version, DateTime? next) => _scheduled = new ScheduledSnapshot(version, next);

    private sealed record ScheduledSnapshot(long Version, DateTime? NextUtc);
}

/// <summary>Reads the streams a reader's home feed needs (from the cache, or the database when stale) and merges them.</summary>
public sealed class HomeFeedFirstPage(FeedDbContext db, HomeFeedStreams streams, PostVisibility visibility, TimeProvider clock)
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

        var newest = new List<StreamPost>();
        var pinned = new List<StreamPost>();
        var validUntil = DateTime.MaxValue;
        foreach (var key in keys)
        {
            var stream = streams.TryGet(key, version.Posts, out var hit) ? hit : await BuildAsync(key, version.Posts, cancellationToken);
            newest.AddRange(stream.Newest);
            pinned.AddRange(stream.Pinned);
            validUntil = stream.ValidUntilUtc < validUntil ? stream.ValidUntilUtc : validUntil;
        }

        var pinnedIds = pinned.DistinctBy(p => p.Id).OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id)
            .Take(FeedQuery.MaxPinned).Select(p => p.Id).ToList();
        var streamIds = newest.DistinctBy(p => p.Id).OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id)
            .Take(size + 1).Select(p => p.Id).ToList();
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
