using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>
/// The "top posts" section of each e-mail digest: since the person's previous digest, the posts of their groups and of
/// the tags they follow that drew the most reactions and comments. Their own posts are left out.
/// </summary>
internal sealed class TopPostsDigest(FeedDbContext db, FeedReaderResolver readers, PostVisibility visibility, IStringLocalizer<ModuleResources> T)
    : PostDigestSection(readers, visibility)
{
    public const int MaxLines = 5;

    protected override string Heading => T["Top posts in your groups and tags"];

    protected override IQueryable<Post> Choose(FeedReader reader, IQueryable<Post> visible, DateTime sinceUtc)
    {
        var groupIds = reader.HomeGroupIds.Where(reader.GroupIds.Contains).ToList();
        var followedTags = db.Follows.Where(f => f.UserId == reader.UserId && f.Kind == FollowKinds.Tag).Select(f => f.Target);
        return visible
            .Where(p => p.PublishedUtc >= sinceUtc && p.AuthorId != reader.UserId)
            .Where(p => (p.GroupId != null && groupIds.Contains(p.GroupId.Value)) || db.PostTags.Any(t => t.PostId == p.Id && followedTags.Contains(t.Tag)))
            .OrderByDescending(p => db.PostReactions.Count(r => r.PostId == p.Id) + db.Comments.Count(c => c.PostId == p.Id))
            .ThenByDescending(p => p.PublishedUtc)
            .Take(MaxLines);
    }
}
