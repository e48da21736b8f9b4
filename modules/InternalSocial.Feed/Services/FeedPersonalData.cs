using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>The feed's share of a person's data export: their posts, comments and reactions.</summary>
internal sealed class FeedPersonalData(FeedDbContext db) : IPersonalDataContributor
{
    public const int MaxItems = 10_000;

    public string Name => "feed";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        var posts = await db.Posts.AsNoTracking().Where(p => p.AuthorId == userId).OrderBy(p => p.Id).Take(MaxItems)
            .Select(p => new { p.Id, p.Body, p.PublishedUtc, p.EditedUtc, p.DeletedUtc, p.GroupId }).ToListAsync(cancellationToken);
        var comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.Id).Take(MaxItems)
            .Select(c => new { c.Id, c.PostId, c.Body, c.CreatedUtc, c.DeletedUtc }).ToListAsync(cancellationToken);
        var reactions = await db.PostReactions.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.PostId).Take(MaxItems)
            .Select(r => new { r.PostId, r.Type, r.CreatedUtc }).ToListAsync(cancellationToken);
        var commentReactions = await db.CommentReactions.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.CommentId).Take(MaxItems)
            .Select(r => new { r.CommentId, r.Type, r.CreatedUtc }).ToListAsync(cancellationToken);
        return posts.Count + comments.Count + reactions.Count + commentReactions.Count == 0
            ? null
            : new { posts, comments, reactions, commentReactions };
    }
}
