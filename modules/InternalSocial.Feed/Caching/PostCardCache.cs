using System.Collections.Concurrent;
using InternalSocial.Feed.Models;

namespace InternalSocial.Feed.Caching;

/// <summary>
/// The shared card cache of a tenant (a singleton of its container), keyed by post id and checked against the post's
/// <see cref="Post.CardVersion"/>, which every change bumps in the database after making it. The version arrives with
/// the page's own query, so a hit costs no query, and a node that did not make the change still sees it (see
/// docs/decisions, feed caching).
/// </summary>
internal sealed class PostCardCache
{
    /// <summary>Beyond this many posts the cache starts again empty; the first pages of the feeds are what matters.</summary>
    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<long, CardParts> _entries = new();

    public bool TryGet(Post post, out CardParts parts)
    {
        ArgumentNullException.ThrowIfNull(post);
        return _entries.TryGetValue(post.Id, out parts!) && parts.Version == post.CardVersion;
    }

    public void Store(long postId, CardParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // A reader that read an older version stores after one that read a newer one: keep the newer.
        _entries.AddOrUpdate(postId, parts, (_, old) => old.Version > parts.Version ? old : parts);
    }
}
