using InternalSocial.Feed.Events;
using InternalSocial.Kernel.Events;
using InternalSocial.Workflows.Abstractions;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>A held post (or held edit) edited again: its open moderation task shows the text the moderator now decides on.</summary>
internal sealed class HeldPostEditedHandler(IModerationTaskSubjects tasks) : IEventHandler<HeldPostEdited>
{
    public Task HandleAsync(HeldPostEdited domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var summary = domainEvent.Body.Length > 300 ? domainEvent.Body[..300] + "…" : domainEvent.Body;
        return tasks.UpdateSummaryAsync("post", domainEvent.PostId.ToString(System.Globalization.CultureInfo.InvariantCulture), summary, cancellationToken);
    }
}
