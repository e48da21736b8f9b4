using System.Collections.Concurrent;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Caching;

/// <summary>
/// The first page of the home feed without a scan of the feed (a tenant singleton). Per audience (everyone, a
/// department, a site, a group) it keeps the ids and dates of the newest posts; a reader's first page merges the streams
/// their audiences name, worked out at each request, and its candidates are read again by id and checked before anyone
/// sees them. What was checked is kept for the readers of the same audiences. Everything is tied to the feed's versions
/// (<see cref="FeedVersion"/>), which every change to a feed page bumps in its own transaction: one small read tells
/// whether what is kept is current, on every node. A reaction or a comment changes the cards' version only: the streams
/// stay, the candidates are checked again (docs/decisions, feed first page).
/// </summary>
internal sealed class HomeFeedStreams(TimeProvider clock)
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
