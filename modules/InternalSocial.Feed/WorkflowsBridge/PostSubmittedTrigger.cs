using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Users.Services;
using InternalSocial.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>Turns the feed's <see cref="PostSubmitted"/> into the workflow event, with the post's facts.</summary>
public sealed class PostSubmittedTrigger(FeedDbContext db, IWorkflowEngine engine, IPeopleLookup people) : IEventHandler<PostSubmitted>
{
    public async Task HandleAsync(PostSubmitted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == domainEvent.PostId, cancellationToken);
        if (post is null)
        {
            return;
        }

        // A held edit of a published post is what the moderator decides on: its text, its tags, its editor.
        var edit = post.Status == PostStatus.Published ? await db.PendingEdits.AsNoTracking().FirstOrDefaultAsync(e => e.PostId == post.Id, cancellationToken) : null;
        var tags = edit is not null
            ? edit.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Union(ContentRenderer.ParseTags(edit.Body)).ToList()
            : await db.PostTags.AsNoTracking().Where(t => t.PostId == post.Id).Select(t => t.Tag).ToListAsync(cancellationToken);
        var authorId = edit?.EditedBy is { Length: > 0 } editor ? editor : post.AuthorId;
        var isGuest = (await people.GetByIdsAsync([authorId], cancellationToken)).GetValueOrDefault(authorId)?.IsGuest ?? false;
        var submission = new PostSubmission(post.AuthorId, post.GroupId, domainEvent.GroupRequiresApproval, edit?.Body ?? post.Body, tags, post.IsAnnouncement);
        var facts = PostFacts.Build(post.Id, submission, post.Status == PostStatus.Pending || edit is not null, isGuest);
        await engine.TriggerAsync(PostFacts.EventName, $"post:{post.Id}", facts, cancellationToken);
    }
}
