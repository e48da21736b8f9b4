using System.Collections.Concurrent;
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

/// <summary>
/// The newest listed posts of one audience (not pinned now), and those pinned now, as they were at
/// <paramref name="Version"/>; usable until <paramref name="ValidUntilUtc"/>, when one of them expires, a pin ends, a
/// scheduled post is due, or the entry is simply old.
/// </summary>
public sealed record FeedStream(long Version, DateTime ValidUntilUtc, IReadOnlyList<StreamPost> Newest, IReadOnlyList<StreamPost> Pinned);

/// <summary>
/// The newest posts of each audience of the home feed (a tenant singleton), so that the first page of a reader's feed
/// is a merge of the streams their audiences name instead of a scan of the feed's index. Only post ids and dates are
/// kept: a page's candidates are read again by id and checked (deleted, hidden, expired, pin ended) before anyone sees
/// them, and the reader's audiences are worked out on each request. A stale stream can therefore only miss a post,
/// never show one it should not; it misses one for at most <see cref="MaxAge"/> (see docs/decisions, feed streams).
/// </summary>
public sealed class HomeFeedStreams(TimeProvider clock)
{
    /// <summary>Posts kept per stream: one page of the largest size, plus one to tell whether there is more.</summary>
    public const int Depth = FeedQuery.MaxPageSize + 1;

    /// <summary>Beyond this many streams the cache starts again empty.</summary>
    public const int MaxStreams = 10_000;

    /// <summary>How long a stream is used without a change seen by this process: a change saved by another node shows after it.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<StreamKey, FeedStream> _streams = new();
    private long _version;
    private ScheduledSnapshot? _scheduled;

    /// <summary>Bumped by every saved change that may add a post to a stream or take one out.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Invalidate() => Interlocked.Increment(ref _version);

    public bool TryGet(StreamKey key, out FeedStream stream)
    {
        if (_streams.TryGetValue(key, out stream!) && stream.Version == Version && clock.GetUtcNow().UtcDateTime < stream.ValidUntilUtc)
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
public sealed class HomeFeedFirstPage(FeedDbContext db, HomeFeedStreams streams, TimeProvider clock)
{
    /// <summary>
    /// The pinned posts and the first <paramref name="size"/> (+1) posts of the reader's home feed, read again by id and
    /// checked; null when a candidate no longer holds (the caller then reads the page from the database).
    /// </summary>
    public async Task<(List<Post> Pinned, List<Post> Stream)?> TryReadAsync(FeedReader scope, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var keys = Keys(scope);
        var newest = new List<StreamPost>();
        var pinned = new List<StreamPost>();
        foreach (var key in keys)
        {
            var stream = streams.TryGet(key, out var hit) ? hit : await BuildAsync(key, cancellationToken);
            newest.AddRange(stream.Newest);
            pinned.AddRange(stream.Pinned);
        }

        var pinnedIds = pinned.DistinctBy(p => p.Id).OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id)
            .Take(FeedQuery.MaxPinned).Select(p => p.Id).ToList();
        var streamIds = newest.DistinctBy(p => p.Id).OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id)
            .Take(size + 1).Select(p => p.Id).ToList();
        if (pinnedIds.Count + streamIds.Count == 0)
        {
            return ([], []);
        }

        // Not an EF compiled query: one is bound to the provider it first ran on, and tenants may use different ones.
        List<long> ids = [.. pinnedIds, .. streamIds];
        var rows = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

        // Every candidate must still be listed, and pinned or not as the stream says; else the streams are stale
        // (a change this process did not see, or one racing with this read): drop them all and let the caller read.
        var now = clock.GetUtcNow().UtcDateTime;
        if (pinnedIds.Any(id => !rows.TryGetValue(id, out var p) || !IsListed(p, now) || !(p.PinnedUntilUtc > now))
            || streamIds.Any(id => !rows.TryGetValue(id, out var p) || !IsListed(p, now) || p.PinnedUntilUtc > now))
        {
            streams.Invalidate();
            return null;
        }

        return (pinnedIds.Select(id => rows[id]).ToList(), streamIds.Select(id => rows[id]).ToList());
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

        keys.AddRange(scope.GroupIds.Select(id => new StreamKey(StreamKind.Group, id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return keys;
    }

    private static bool IsListed(Post post, DateTime now) =>
        post.DeletedUtc is null && post.Status == PostStatus.Published && post.PublishedUtc <= now && (post.ExpiresUtc is null || post.ExpiresUtc > now);

    private async Task<FeedStream> BuildAsync(StreamKey key, CancellationToken cancellationToken)
    {
        // Read before the database: a change saved while reading makes this entry stale at once.
        var version = streams.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        var listed = db.Posts.AsNoTracking().Where(p => p.DeletedUtc == null && p.Status == PostStatus.Published && p.PublishedUtc <= now
            && (p.ExpiresUtc == null || p.ExpiresUtc > now));
        var value = key.Value;
        listed = key.Kind switch
        {
            StreamKind.Everyone => listed.Where(p => p.GroupId == null && p.AudienceEveryone),
            // From the audience index: a department's few posts, not a walk down the whole feed looking for them.
            StreamKind.Department => listed.Where(p => p.GroupId == null && !p.AudienceEveryone
                && db.Audiences.Where(a => a.Kind == AudienceKinds.Department && a.Value == value).Select(a => a.PostId).Contains(p.Id)),
            StreamKind.Site => listed.Where(p => p.GroupId == null && !p.AudienceEveryone
                && db.Audiences.Where(a => a.Kind == AudienceKinds.Site && a.Value == value).Select(a => a.PostId).Contains(p.Id)),
            _ => GroupPosts(listed, long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
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

        var validUntil = new[] { now + HomeFeedStreams.MaxAge }
            .Concat(newest.Select(p => p.ExpiresUtc).Concat(pinned.Select(p => p.ExpiresUtc)).Concat(pinned.Select(p => p.PinnedUntilUtc))
                .Append(nextScheduled).Where(t => t is not null).Select(t => t!.Value))
            .Min();
        var stream = new FeedStream(
            version,
            validUntil,
            newest.Select(p => new StreamPost(p.Id, p.PublishedUtc)).ToList(),
            pinned.Select(p => new StreamPost(p.Id, p.PublishedUtc)).ToList());
        streams.Store(key, stream);
        return stream;
    }

    private static IQueryable<Post> GroupPosts(IQueryable<Post> listed, long groupId) => listed.Where(p => p.GroupId == groupId);
}
