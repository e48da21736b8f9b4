using System.Security.Claims;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Notifications.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>
/// The "top posts" section of each e-mail digest: since the person's previous digest, the posts of their groups and of
/// the tags they follow that drew the most reactions and comments, read with the feed's visibility as that person
/// (a private group they left, or a post targeted elsewhere, never shows). Their own posts are left out.
/// </summary>
internal sealed class TopPostsDigest(FeedDbContext db, FeedReaderResolver readers, PostVisibility visibility, IStringLocalizer<ModuleResources> T)
    : IDigestSectionProvider
{
    public const int MaxLines = 5;

    public async Task<DigestSection?> GetSectionAsync(ClaimsPrincipal person, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(person, cancellationToken);
        var groupIds = reader.HomeGroupIds.Where(reader.GroupIds.Contains).ToList();
        var followedTags = db.Follows.Where(f => f.UserId == reader.UserId && f.Kind == FollowKinds.Tag).Select(f => f.Target);
        var top = await visibility.Visible(reader)
            .Where(p => p.PublishedUtc >= sinceUtc && p.AuthorId != reader.UserId)
            .Where(p => (p.GroupId != null && groupIds.Contains(p.GroupId.Value)) || db.PostTags.Any(t => t.PostId == p.Id && followedTags.Contains(t.Tag)))
            .Select(p => new { p.Id, p.Body, p.PublishedUtc, Score = db.PostReactions.Count(r => r.PostId == p.Id) + db.Comments.Count(c => c.PostId == p.Id) })
            .OrderByDescending(p => p.Score)
            .ThenByDescending(p => p.PublishedUtc)
            .Take(MaxLines)
            .ToListAsync(cancellationToken);
        if (top.Count == 0)
        {
            return null;
        }

        return new DigestSection(
            T["Top posts in your groups and tags"],
            top.Select(p => PendingAcknowledgementsDigest.Line(p.Id, p.Body)).ToList());
    }
}
