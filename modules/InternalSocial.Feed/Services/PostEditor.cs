using System.Security.Claims;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>
/// Edits posts. An edit is reviewed like a new post: when the post's group or a workflow would have held the new text,
/// the edit of a published post waits as a <see cref="PendingEdit"/> while readers keep the published version, and the
/// moderator's decision applies it (<see cref="IPostModeration.PublishAsync"/>) or discards it. Otherwise an author
/// could get a harmless text approved, then change it to anything.
/// </summary>
internal sealed class PostEditor(
    FeedDbContext db,
    FeedReaderResolver readers,
    PostVisibility visibility,
    PostValidator validator,
    PostRenderer renderer,
    PostWriter writer,
    IPostContainerAccess groups,
    IEventBus events,
    IEnumerable<IPostSubmissionReview> reviews,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    /// <returns>True when the edit waits for a moderator and readers still see the published version.</returns>
    public async Task<bool> EditAsync(ClaimsPrincipal user, long id, PostEditInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = await readers.GetAsync(user, cancellationToken);
        var post = await visibility.Openable(reader).FirstOrDefaultAsync(p => p.Id == id && p.DeletedUtc == null, cancellationToken)
            ?? throw new NotFoundException(T["No post with id {0}.", id]);
        if (!PostCards.CanEdit(reader, post.AuthorId))
        {
            throw new PermissionDeniedException(Permissions.Moderate);
        }

        var (body, tags) = Validate(input, post);
        var expiresUtc = input.ExpiresAt?.ToUniversalTime();
        if (post.Status == PostStatus.Published)
        {
            var pending = await db.PendingEdits.FirstOrDefaultAsync(e => e.PostId == post.Id, cancellationToken);
            var groupHolds = pending is null && post.GroupId is { } groupId
                && await groups.CanPostToGroupAsync(user, groupId, cancellationToken) == GroupPostingDecision.NeedsApproval;
            if (pending is not null || groupHolds || await MustHoldAsync(reader.UserId, post, body, tags, cancellationToken))
            {
                await HoldAsync(post, pending, body, tags, expiresUtc, reader.UserId, groupHolds, cancellationToken);
                return true;
            }
        }

        await using (var transaction = await writer.BeginAsync(cancellationToken))
        {
            var rendered = await writer.ApplyEditAsync(post, body, tags, expiresUtc, reader.UserId, cancellationToken);
            var resubmitted = post.Status == PostStatus.ChangesRequested;
            if (resubmitted)
            {
                // Sent back for changes: the edit is a new submission, held again for the same review.
                post.Status = PostStatus.Pending;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (resubmitted)
            {
                var groupHolds = post.GroupId is not null && await groups.CanPostToGroupAsync(user, post.GroupId.Value, cancellationToken) == GroupPostingDecision.NeedsApproval;
                await events.PublishAsync(
                    new PostSubmitted(post.Id, post.AuthorId, post.GroupId, post.IsAnnouncement, IsPending: true, groupHolds, post.Body, [.. tags.Union(rendered.Tags)], post.AuthorId),
                    cancellationToken);
            }
            else if (post.Status == PostStatus.Pending)
            {
                await events.PublishAsync(new HeldPostEdited(post.Id, post.Body), cancellationToken);
            }
        }

        return false;
    }

    private (string Body, IReadOnlyList<string> Tags) Validate(PostEditInput input, Post post)
    {
        var errors = new Dictionary<string, string>();
        var body = validator.ValidateBody(input.Body, PostService.MaxBodyLength, errors);
        var tags = validator.ValidateTags(input.Tags, errors);
        if (input.ExpiresAt is { } expires && expires.ToUniversalTime() <= post.PublishedUtc)
        {
            errors["expiresAt"] = T["The expiry must come after the publication time."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return (body, tags);
    }

    /// <summary>The reviews a new post goes through, asked about the new text as the editor's (a moderator's fix is theirs).</summary>
    private async Task<bool> MustHoldAsync(string editorId, Post post, string body, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var rendered = await renderer.RenderAsync(body, cancellationToken);
        var submission = new PostSubmission(editorId, post.GroupId, GroupRequiresApproval: false, body, [.. tags.Union(rendered.Tags)], post.IsAnnouncement);
        foreach (var review in reviews)
        {
            if (await review.MustHoldAsync(submission, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps the edit aside; a first one is submitted for review, a later one only shows the task the new text.</summary>
    private async Task HoldAsync(Post post, PendingEdit? pending, string body, IReadOnlyList<string> tags, DateTime? expiresUtc, string editorId, bool groupHolds, CancellationToken cancellationToken)
    {
        var edit = pending ?? db.PendingEdits.Add(new PendingEdit { PostId = post.Id }).Entity;
        edit.Body = body;
        edit.Tags = string.Join(' ', tags);
        edit.ExpiresUtc = expiresUtc ?? edit.ExpiresUtc;
        edit.EditedUtc = clock.GetUtcNow().UtcDateTime;
        edit.EditedBy = editorId;
        await db.SaveChangesAsync(cancellationToken);
        if (pending is null)
        {
            await events.PublishAsync(
                new PostSubmitted(post.Id, post.AuthorId, post.GroupId, post.IsAnnouncement, IsPending: true, groupHolds, body, [.. tags.Union(ContentRenderer.ParseTags(body))], editorId),
                cancellationToken);
        }
        else
        {
            await events.PublishAsync(new HeldPostEdited(post.Id, body), cancellationToken);
        }
    }
}
