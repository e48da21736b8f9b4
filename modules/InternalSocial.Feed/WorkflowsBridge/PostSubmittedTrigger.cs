using InternalSocial.Feed.Events;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Users.Abstractions;
using InternalSocial.Workflows.Abstractions;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>
/// Turns the feed's <see cref="PostSubmitted"/> into the workflow event, with the facts the event carries. A post the
/// review let through starts the workflows the review matched (<see cref="ReviewedSubmissions"/>).
/// </summary>
internal sealed class PostSubmittedTrigger(IWorkflowEngine engine, IPeopleLookup people, ReviewedSubmissions reviewed) : IEventHandler<PostSubmitted>
{
    public async Task HandleAsync(PostSubmitted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var submitter = domainEvent.SubmittedBy;
        var isGuest = reviewed.IsGuest(submitter)
            ?? (await people.GetByIdsAsync([submitter], cancellationToken)).GetValueOrDefault(submitter)?.IsGuest ?? false;
        var submission = new PostSubmission(domainEvent.AuthorId, domainEvent.GroupId, domainEvent.GroupRequiresApproval, domainEvent.Body, domainEvent.Tags, domainEvent.IsAnnouncement);
        var facts = PostFacts.Build(domainEvent.PostId, submission, domainEvent.IsPending, isGuest);
        var key = $"post:{domainEvent.PostId}";
        var starts = submitter == domainEvent.AuthorId ? reviewed.StartsFor(submission, domainEvent.IsPending) : null;
        await (starts is null
            ? engine.TriggerAsync(PostFacts.EventName, key, facts, cancellationToken)
            : engine.TriggerAsync(PostFacts.EventName, key, facts, starts, cancellationToken));
    }
}
