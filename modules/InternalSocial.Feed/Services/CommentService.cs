using System.Security.Claims;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>Comments on posts the reader can see, with one level of replies.</summary>
internal sealed class CommentService(
    FeedDbContext db,
    IAuthorizationService authorization,
    FeedReaderResolver readers,
    PostVisibility visibility,
    PostValidator validator,
    PostRenderer renderer,
    PostWriter writer,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxBodyLength = 2000;

    public async Task<long> AddAsync(ClaimsPrincipal user, long postId, CommentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.Comment);
        var reader = await readers.GetAsync(user, cancellationToken);
        var post = await visibility.Visible(reader).AsNoTracking().Select(p => new { p.Id, p.AuthorId }).FirstOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new NotFoundException(T["No post with id {0}.", postId]);
        var errors = new Dictionary<string, string>();
        var body = validator.ValidateBody(input.Body, MaxBodyLength, errors);
        if (input.ParentId is { } parentId
            && !await db.Comments.AnyAsync(c => c.Id == parentId && c.PostId == postId && c.ParentId == null && c.DeletedUtc == null, cancellationToken))
        {
            errors["parentId"] = T["Reply to a comment of this post (replies have no replies)."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var rendered = await renderer.RenderAsync(body, cancellationToken);
        var comment = new Comment { PostId = postId, ParentId = input.ParentId, AuthorId = reader.UserId, Body = body, Html = rendered.Html, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        await using (var transaction = await writer.BeginAsync(cancellationToken))
        {
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            db.Mentions.AddRange(rendered.MentionedUserIds.Keys.Select(id => new Mention { PostId = postId, CommentId = comment.Id, UserId = id }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await events.PublishAsync(new CommentAdded(postId, comment.Id, reader.UserId, post.AuthorId), cancellationToken);
        foreach (var mentioned in rendered.MentionedUserIds.Keys.Where(id => id != reader.UserId))
        {
            await events.PublishAsync(new PersonMentioned(mentioned, postId, comment.Id, reader.UserId), cancellationToken);
        }

        return comment.Id;
    }

    public async Task EditAsync(ClaimsPrincipal user, long commentId, string? body, CancellationToken cancellationToken)
    {
        var (_, comment) = await FindEditableAsync(user, commentId, cancellationToken);
        var errors = new Dictionary<string, string>();
        var text = validator.ValidateBody(body, MaxBodyLength, errors);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var rendered = await renderer.RenderAsync(text, cancellationToken);
        await using var transaction = await writer.BeginAsync(cancellationToken);
        comment.Body = text;
        comment.Html = rendered.Html;
        comment.EditedUtc = clock.GetUtcNow().UtcDateTime;
        await db.Mentions.Where(m => m.CommentId == comment.Id).ExecuteDeleteAsync(cancellationToken);
        db.Mentions.AddRange(rendered.MentionedUserIds.Keys.Select(id => new Mention { PostId = comment.PostId, CommentId = comment.Id, UserId = id }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(ClaimsPrincipal user, long commentId, CancellationToken cancellationToken)
    {
        var (_, comment) = await FindEditableAsync(user, commentId, cancellationToken);
        comment.DeletedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The comment's post id, if the reader may see that post.</summary>
    public async Task<long> PostIdOfAsync(ClaimsPrincipal user, long commentId, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        var visible = visibility.Visible(reader).Select(p => p.Id);
        return await db.Comments.Where(c => c.Id == commentId && c.DeletedUtc == null && visible.Contains(c.PostId)).Select(c => (long?)c.PostId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(T["No comment with id {0}.", commentId]);
    }

    private async Task<(FeedReader Reader, Comment Comment)> FindEditableAsync(ClaimsPrincipal user, long commentId, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        var visible = visibility.Visible(reader).Select(p => p.Id);
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.DeletedUtc == null && visible.Contains(c.PostId), cancellationToken)
            ?? throw new NotFoundException(T["No comment with id {0}.", commentId]);
        if (!PostCards.CanEdit(reader, comment.AuthorId))
        {
            throw new PermissionDeniedException(Permissions.Moderate);
        }

        return (reader, comment);
    }
}
