using InternalSocial.Feed.Models;
using InternalSocial.Kernel.Events;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>
/// After a person is erased: their posts and comments stay (the organisation needs the text) but lose their
/// author, shown as "Former member"; links that mention them become plain text; their reactions, follows,
/// views and acknowledgements go.
/// </summary>
internal sealed class FeedErasureHandler(FeedDbContext db, PendingViews pendingViews) : IEventHandler<PersonErased>
{
    public async Task HandleAsync(PersonErased domainEvent, CancellationToken cancellationToken)
    {
        var userId = domainEvent.UserId;
        var writer = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (writer)
        {
            // The cards showing their comments or reactions change; in this transaction, so readers see both at once.
            await db.Posts.Where(p => db.Comments.Any(c => c.PostId == p.Id && c.AuthorId == userId) || db.PostReactions.Any(r => r.PostId == p.Id && r.UserId == userId))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CardVersion, p => p.CardVersion + 1), cancellationToken);
            await db.Posts.Where(p => p.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.AuthorId, ""), cancellationToken);
            await db.BumpVersionAsync(postsChanged: false, cancellationToken);
            await db.Comments.Where(c => c.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorId, ""), cancellationToken);
            await db.PendingEdits.Where(e => e.EditedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.EditedBy, ""), cancellationToken);
            await db.PostReactions.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.CommentReactions.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Follows.Where(f => f.UserId == userId || (f.Kind == FollowKinds.Person && f.Target == userId)).ExecuteDeleteAsync(cancellationToken);
            // Their queued views first, or a later batch would write them back.
            await pendingViews.FlushAsync(db, cancellationToken);
            await db.Views.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Acknowledgements.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Attachments.Where(a => a.UploadedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UploadedBy, ""), cancellationToken);

            var mentions = await db.Mentions.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
            var postIds = mentions.Where(m => m.CommentId == 0).Select(m => m.PostId).ToList();
            var commentIds = mentions.Where(m => m.CommentId != 0).Select(m => m.CommentId).ToList();
            foreach (var post in await db.Posts.Where(p => postIds.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                post.Html = ContentRenderer.RemoveMention(post.Html, userId);
            }

            foreach (var comment in await db.Comments.Where(c => commentIds.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                comment.Html = ContentRenderer.RemoveMention(comment.Html, userId);
            }

            db.Mentions.RemoveRange(mentions);
            await db.SaveChangesAsync(cancellationToken);
            if (writer is not null)
            {
                await writer.CommitAsync(cancellationToken);
            }
        }
    }
}
