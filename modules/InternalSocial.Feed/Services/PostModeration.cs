using InternalSocial.Feed.Events;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

internal sealed class PostModeration(FeedDbContext db, PostWriter writer, IEventBus events, IFeedChangeNotifier changes, TimeProvider clock) : IPostModeration
{
    public const string HiddenBy = "moderation";

    public async Task<bool> HideAsync(string contentType, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hidden = contentType switch
        {
            "post" => await db.Posts.Where(p => p.Id == id && p.DeletedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedUtc, now).SetProperty(p => p.DeletedBy, HiddenBy), cancellationToken),
            "comment" => await db.Comments.Where(c => c.Id == id && c.DeletedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.DeletedUtc, now), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Only posts and comments can be hidden."),
        };
        if (hidden > 0)
        {
            var post = contentType == "post";
            await db.TouchCardsAsync(post ? [id] : await db.Comments.Where(c => c.Id == id).Select(c => c.PostId).ToListAsync(cancellationToken), postsChanged: post, cancellationToken);
        }

        if (hidden > 0)
        {
            await changes.FeedChangedAsync(cancellationToken);
        }

        return hidden > 0;
    }

    public async Task PublishAsync(long postId, CancellationToken cancellationToken)
    {
        if (await ApplyPendingEditAsync(postId, cancellationToken))
        {
            return;
        }

        var post = await SetStatusAsync(postId, PostStatus.Published, cancellationToken);
        await events.PublishAsync(new PostPublished(post.Id, post.AuthorId, post.GroupId, post.PublishedUtc, post.IsAnnouncement), cancellationToken);

        // Those mentioned are told now that the post can be read, not when it was held.
        var mentioned = await db.Mentions.AsNoTracking().Where(m => m.PostId == post.Id && m.CommentId == 0 && m.UserId != post.AuthorId).Select(m => m.UserId).ToListAsync(cancellationToken);
        foreach (var userId in mentioned)
        {
            await events.PublishAsync(new PersonMentioned(userId, post.Id, null, post.AuthorId), cancellationToken);
        }

        await changes.FeedChangedAsync(cancellationToken);
    }

    public async Task RejectAsync(long postId, CancellationToken cancellationToken)
    {
        if (!await DiscardPendingEditAsync(postId, cancellationToken))
        {
            await SetStatusAsync(postId, PostStatus.Rejected, cancellationToken);
        }
    }

    /// <summary>For a held edit, the same as rejecting it: the published version stays, and the author edits again.</summary>
    public async Task RequestChangesAsync(long postId, CancellationToken cancellationToken)
    {
        if (!await DiscardPendingEditAsync(postId, cancellationToken))
        {
            await SetStatusAsync(postId, PostStatus.ChangesRequested, cancellationToken);
        }
    }

    /// <summary>A held edit of a published post, approved: it replaces the published text. False when there is none.</summary>
    private async Task<bool> ApplyPendingEditAsync(long postId, CancellationToken cancellationToken)
    {
        var edit = await db.PendingEdits.FirstOrDefaultAsync(e => e.PostId == postId, cancellationToken);
        var post = edit is null ? null : await db.Posts.FirstOrDefaultAsync(p => p.Id == postId && p.DeletedUtc == null && p.Status == PostStatus.Published, cancellationToken);
        if (edit is null || post is null)
        {
            return false;
        }

        var before = await db.Mentions.AsNoTracking().Where(m => m.PostId == postId && m.CommentId == 0).Select(m => m.UserId).ToListAsync(cancellationToken);
        RenderedContent rendered;
        await using (var transaction = await writer.BeginAsync(cancellationToken))
        {
            rendered = await writer.ApplyEditAsync(post, edit.Body, edit.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries), edit.ExpiresUtc, edit.EditedBy, cancellationToken);
            db.PendingEdits.Remove(edit);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Only those the edit mentions for the first time are told; the others were told when the post was published.
        foreach (var userId in rendered.MentionedUserIds.Keys.Where(id => id != post.AuthorId && !before.Contains(id)))
        {
            await events.PublishAsync(new PersonMentioned(userId, post.Id, null, post.AuthorId), cancellationToken);
        }

        await changes.FeedChangedAsync(cancellationToken);
        return true;
    }

    private async Task<bool> DiscardPendingEditAsync(long postId, CancellationToken cancellationToken) =>
        await db.PendingEdits.Where(e => e.PostId == postId).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<Post> SetStatusAsync(long postId, PostStatus status, CancellationToken cancellationToken)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId && p.DeletedUtc == null, cancellationToken)
            ?? throw new NotFoundException($"No post with id {postId}.");
        if (post.Status != PostStatus.Pending)
        {
            // Decided already (or never held): a second decision must not publish or hide it again.
            throw new ConflictException($"Post {postId} is {post.Status}, not pending.");
        }

        post.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        return post;
    }
}
