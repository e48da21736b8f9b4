using System.Collections.Concurrent;
using InternalSocial.Feed.Models;

namespace InternalSocial.Feed.Caching;

/// <summary>
/// The reader's own part of a card that a page read again needs not ask the database for (a tenant singleton):
/// <list type="bullet">
/// <item>their reaction to a post, valid while the post's <see cref="Post.CardVersion"/> is the one it was read with:
/// every reaction, theirs included, bumps that version;</item>
/// <item>the posts whose view is recorded already: views are only ever added (erasure removes a person's views, and an
/// erased person cannot sign in again), so a known view stays known.</item>
/// </list>
/// </summary>
internal sealed class ReaderCardCache
{
    /// <summary>Beyond this many entries of a kind the kind starts again empty.</summary>
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<(string UserId, long PostId), (long Version, string? Type)> _reactions = new();
    private readonly ConcurrentDictionary<(string UserId, long PostId), bool> _views = new();

    public bool TryGetReaction(string userId, Post post, out string? type)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (_reactions.TryGetValue((userId, post.Id), out var entry) && entry.Version == post.CardVersion)
        {
            type = entry.Type;
            return true;
        }

        type = null;
        return false;
    }

    public void StoreReaction(string userId, Post post, string? type)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (_reactions.Count >= MaxEntries)
        {
            _reactions.Clear();
        }

        var entry = (post.CardVersion, type);
        _reactions.AddOrUpdate((userId, post.Id), entry, (_, old) => old.Version > entry.CardVersion ? old : entry);
    }

    public bool HasSeen(string userId, long postId) => _views.ContainsKey((userId, postId));

    /// <summary>Called once these views are in the database.</summary>
    public void Seen(string userId, IEnumerable<long> postIds)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        if (_views.Count >= MaxEntries)
        {
            _views.Clear();
        }

        foreach (var postId in postIds)
        {
            _views[(userId, postId)] = true;
        }
    }
}
