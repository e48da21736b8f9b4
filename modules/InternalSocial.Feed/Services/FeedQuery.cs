using System.Security.Claims;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>
/// The home feed, tag pages and the "n new posts" count. Keyset paging on (PublishedUtc, Id) descending: a post
/// added while someone pages is newer than their cursor, so it never shifts the pages they have not read yet.
/// </summary>
internal sealed class FeedQuery(FeedDbContext db, FeedReaderResolver readers, PostVisibility visibility, PostCards cards, PostViews views, IPostContainerAccess groups, HomeFeedFirstPage firstPage, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;
    public const int MaxPinned = 5;

    public async Task<FeedPage> GetAsync(ClaimsPrincipal user, FeedFilter filter, string? tag, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        FeedCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = FeedCursor.TryDecode(cursor, out var decoded) ? decoded : throw new InvalidInputException("cursor", T["The cursor is not one this feed gave out."]);
        }

        var normalizedTag = (tag ?? "").Trim().TrimStart('#').ToLowerInvariant();
        if (filter == FeedFilter.Tag && !PostValidator.IsTag(normalizedTag))
        {
            throw new InvalidInputException("tag", T["A tag has 1 to 50 letters, digits, '-' or '_'."]);
        }

        var scope = filter is FeedFilter.All or FeedFilter.Announcements ? HomeScope(reader) : reader;

        // The first page of the home feed, the page read most, comes from the cached streams of the reader's audiences.
        if (filter == FeedFilter.All && after is null && await firstPage.TryReadAsync(scope, size, cancellationToken) is { } first)
        {
            return await ToPageAsync(reader, first.Pinned, first.Stream, after, size, cancellationToken);
        }

        var posts = Filtered(visibility.Visible(scope), scope, filter, normalizedTag);
        return await PageAsync(reader, posts, after, size, withPinned: filter == FeedFilter.All, cancellationToken);
    }

    /// <summary>A group's posts, for those who may read the group; others get "not found", as if it did not exist.</summary>
    public async Task<FeedPage> GetGroupAsync(ClaimsPrincipal user, long groupId, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        if (!groups.GroupsEnabled || !await groups.CanReadGroupAsync(user, groupId, cancellationToken))
        {
            throw new NotFoundException(T["No group with id {0}.", groupId]);
        }

        var reader = await readers.GetAsync(user, cancellationToken);
        FeedCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = FeedCursor.TryDecode(cursor, out var decoded) ? decoded : throw new InvalidInputException("cursor", T["The cursor is not one this feed gave out."]);
        }

        // The reader may read this group (checked above): its posts are visible as to a reader of this group alone.
        // Passing every readable group instead (thousands of public ones) made SQLite walk them all: 1 s a page with
        // 20,000 groups and 100,000 posts in the group, against milliseconds (docs/benchmarks.md).
        var posts = visibility.Visible(reader with { GroupIds = [groupId] }).Where(p => p.GroupId == groupId);
        return await PageAsync(reader, posts, after, Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize), withPinned: false, cancellationToken);
    }

    private async Task<FeedPage> PageAsync(FeedReader reader, IQueryable<Post> posts, FeedCursor? after, int size, bool withPinned, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pinned = new List<Post>();
        if (withPinned)
        {
            // Pinned posts lead the first page, and only it; the stream below leaves them out so none shows twice.
            if (after is null)
            {
                // Ordered by the pin's end so that the database walks the small pinned index, not the whole feed.
                pinned = (await posts.AsNoTracking().Where(p => p.PinnedUntilUtc > now)
                        .OrderBy(p => p.PinnedUntilUtc).Take(MaxPinned * 10).ToListAsync(cancellationToken))
                    .OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).Take(MaxPinned).ToList();
            }

            posts = posts.Where(p => p.PinnedUntilUtc == null || p.PinnedUntilUtc <= now);
        }

        if (after is { } a)
        {
            posts = posts.Where(p => p.PublishedUtc < a.PublishedUtc || (p.PublishedUtc == a.PublishedUtc && p.Id < a.Id));
        }

        var page = await posts.AsNoTracking().OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).Take(size + 1).ToListAsync(cancellationToken);
        return await ToPageAsync(reader, pinned, page, after, size, cancellationToken);
    }

    /// <summary>The page of cards: the pinned posts, then up to <paramref name="size"/> of <paramref name="page"/> (one more tells that there is more).</summary>
    private async Task<FeedPage> ToPageAsync(FeedReader reader, List<Post> pinned, List<Post> page, FeedCursor? after, int size, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hasMore = page.Count > size;
        var stream = page.Take(size).ToList();
        var all = pinned.Concat(stream).ToList();
        views.Record(reader.UserId, all.Select(p => p.Id).ToList());
        var items = await cards.BuildAsync(reader, all, allComments: false, cancellationToken);
        var next = hasMore ? new FeedCursor(stream[^1].PublishedUtc, stream[^1].Id).Encode() : null;
        var newest = all.OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).FirstOrDefault();
        var since = newest is null ? (after?.Encode() ?? new FeedCursor(now, 0).Encode()) : new FeedCursor(newest.PublishedUtc, newest.Id).Encode();
        return new FeedPage(items, next, since);
    }

    /// <summary>How many posts the reader can see that are newer than <paramref name="since"/> (capped at 100).</summary>
    public async Task<int> CountNewAsync(ClaimsPrincipal user, string? since, CancellationToken cancellationToken)
    {
        if (!FeedCursor.TryDecode(since, out var cursor))
        {
            throw new InvalidInputException("since", T["The cursor is not one this feed gave out."]);
        }

        var reader = HomeScope(await readers.GetAsync(user, cancellationToken));
        return await Filtered(visibility.Visible(reader), reader, FeedFilter.All, "")
            .Where(p => p.PublishedUtc > cursor.PublishedUtc || (p.PublishedUtc == cursor.PublishedUtc && p.Id > cursor.Id))
            .Take(100).CountAsync(cancellationToken);
    }

    public FeedFilter ParseFilter(string? value, out string? tag)
    {
        tag = null;
        var filter = (value ?? "").Trim();
        if (filter.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            tag = filter[4..];
            return FeedFilter.Tag;
        }

        return filter.ToLowerInvariant() switch
        {
            "" or "all" => FeedFilter.All,
            "following" => FeedFilter.Following,
            "announcements" => FeedFilter.Announcements,
            _ => throw new InvalidInputException("filter", T["Use all, following, announcements or tag:NAME."]),
        };
    }

    /// <summary>
    /// The home feed reads the reader's own groups only: narrowing the readable groups (thousands of public groups in a
    /// large organisation) to those keeps the query on a short list (2.7 s → milliseconds with 20,000 groups).
    /// </summary>
    private static FeedReader HomeScope(FeedReader reader)
    {
        var readable = reader.GroupIds as IReadOnlySet<long> ?? reader.GroupIds.ToHashSet();
        return reader with { GroupIds = [.. reader.HomeGroupIds.Where(readable.Contains)] };
    }

    private IQueryable<Post> Filtered(IQueryable<Post> posts, FeedReader reader, FeedFilter filter, string tag)
    {
        var me = reader.UserId;
        // One parameter holding the list (EF.Parameter), not one per group: the SQL is the same whatever the reader's
        // groups, so EF Core caches it instead of generating it again on every page (docs/benchmarks.md, feed).
        var homeGroups = reader.HomeGroupIds.ToList();
        return filter switch
        {
            // The home feed and its announcements: company-wide posts and those of the reader's own groups.
            FeedFilter.All => posts.Where(p => p.GroupId == null || EF.Parameter(homeGroups).Contains(p.GroupId.Value)),
            FeedFilter.Announcements => posts.Where(p => p.IsAnnouncement && (p.GroupId == null || EF.Parameter(homeGroups).Contains(p.GroupId.Value))),
            FeedFilter.Tag => posts.Where(p => db.PostTags.Any(t => t.PostId == p.Id && t.Tag == tag)),
            FeedFilter.Following => posts.Where(p => db.Follows.Any(f => f.UserId == me
                && ((f.Kind == FollowKinds.Person && f.Target == p.AuthorId)
                    || (f.Kind == FollowKinds.Tag && db.PostTags.Any(t => t.PostId == p.Id && t.Tag == f.Target))))),
            _ => posts,
        };
    }
}
