using InternalSocial.Feed.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>
/// The one place that says which posts a reader may see. Every read path (feed, post page, API, comments,
/// reactions, attachments, live count) starts from these queries.
/// </summary>
internal sealed class PostVisibility(FeedDbContext db, TimeProvider clock)
{
    /// <summary>Posts the reader sees in feeds: published, due, not expired, not deleted, and in their audience or groups.</summary>
    public IQueryable<Post> Visible(FeedReader reader) => Visible(reader, includeDeleted: false);

    private IQueryable<Post> Visible(FeedReader reader, bool includeDeleted)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var now = clock.GetUtcNow().UtcDateTime;
        var canView = reader.CanViewCompany;
        var department = reader.Department ?? "";
        var site = reader.Site ?? "";
        // One parameter for the whole list (see FeedQuery.Filtered): the command's SQL stays cached.
        var groupIds = reader.GroupIds.ToList();
        return db.Posts.Where(p => (includeDeleted || p.DeletedUtc == null)
            && p.Status == PostStatus.Published
            && p.PublishedUtc <= now
            && (p.ExpiresUtc == null || p.ExpiresUtc > now)
            && ((p.GroupId == null && canView && (p.AudienceEveryone
                    || db.Audiences.Any(a => a.PostId == p.Id && ((a.Kind == AudienceKinds.Department && a.Value == department) || (a.Kind == AudienceKinds.Site && a.Value == site)))))
                || (p.GroupId != null && EF.Parameter(groupIds).Contains(p.GroupId.Value))));
    }

    /// <summary>
    /// Whether the reader may see every one of these posts, already read (a cached first page): the rule of
    /// <see cref="Visible(FeedReader)"/> checked on the rows (listed, the reader's groups, the company), the audiences
    /// of the posts meant for a department or a site read again, in one query and only when there are such posts. A
    /// cache keeps what was checked for one reader; it never decides what another sees.
    /// </summary>
    public async Task<bool> AllVisibleAsync(FeedReader reader, IReadOnlyCollection<Post> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(posts);
        var now = clock.GetUtcNow().UtcDateTime;
        var targeted = new List<long>();
        foreach (var post in posts)
        {
            var listed = post.DeletedUtc is null && post.Status == PostStatus.Published && post.PublishedUtc <= now && (post.ExpiresUtc is null || post.ExpiresUtc > now);
            var reachable = post.GroupId is { } groupId ? reader.GroupIds.Contains(groupId) : reader.CanViewCompany;
            if (!listed || !reachable)
            {
                return false;
            }

            if (post.GroupId is null && !post.AudienceEveryone)
            {
                targeted.Add(post.Id);
            }
        }

        if (targeted.Count == 0)
        {
            return true;
        }

        var department = reader.Department ?? "";
        var site = reader.Site ?? "";
        var reached = await db.Audiences.AsNoTracking()
            .Where(a => EF.Parameter(targeted).Contains(a.PostId)
                && ((a.Kind == AudienceKinds.Department && a.Value == department) || (a.Kind == AudienceKinds.Site && a.Value == site)))
            .Select(a => a.PostId).Distinct().CountAsync(cancellationToken);
        return reached == targeted.Count;
    }

    /// <summary>
    /// Posts the reader may open by id: the visible ones, plus their own (scheduled, pending, expired), plus for
    /// moderators the deleted ones they could otherwise see, so they can restore them. A moderator gains no access
    /// to an audience or a group they are not part of, and neither does an author: their own post in a group opens
    /// only while they may read the group, so someone who left or was removed reads neither it nor its new comments
    /// (and is told of none).
    /// </summary>
    public IQueryable<Post> Openable(FeedReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var userId = reader.UserId;
        var groupIds = reader.GroupIds.ToList();
        var visibleIds = Visible(reader, includeDeleted: reader.IsModerator).Select(p => p.Id);
        return db.Posts.Where(p => (p.AuthorId == userId && p.DeletedUtc == null && (p.GroupId == null || EF.Parameter(groupIds).Contains(p.GroupId.Value)))
            || visibleIds.Contains(p.Id));
    }

    /// <summary>
    /// For each of these posts that went to several groups at once (one post per group, sharing a batch), the copy the
    /// reader may open, if any: the one of lowest id. Someone told about the first group's copy who has since left that
    /// group, but is still in another, opens that group's copy instead.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, long>> OpenableCopiesAsync(FeedReader reader, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        var batches = await db.Posts.AsNoTracking()
            .Where(p => EF.Parameter(postIds).Contains(p.Id) && p.BatchId != null)
            .Select(p => new { p.Id, p.BatchId })
            .ToListAsync(cancellationToken);
        if (batches.Count == 0)
        {
            return new Dictionary<long, long>();
        }

        var batchIds = batches.Select(b => b.BatchId!).Distinct().ToList();
        var copies = await Openable(reader).AsNoTracking()
            .Where(p => EF.Parameter(batchIds).Contains(p.BatchId!))
            .Select(p => new { p.Id, p.BatchId })
            .ToListAsync(cancellationToken);
        var firstCopy = copies.GroupBy(c => c.BatchId!).ToDictionary(g => g.Key, g => g.Min(c => c.Id), StringComparer.Ordinal);
        return batches
            .Where(b => firstCopy.ContainsKey(b.BatchId!))
            .ToDictionary(b => b.Id, b => firstCopy[b.BatchId!]);
    }
}
