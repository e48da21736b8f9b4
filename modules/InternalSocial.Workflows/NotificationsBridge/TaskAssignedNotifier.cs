using InternalSocial.Kernel.Events;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.NotificationsBridge;

/// <summary>Tells the people a task is assigned to (each once), in their language.</summary>
internal sealed class TaskAssignedNotifier(AssigneeScopes scopes, INotifier notifier, IStringLocalizer<ModuleResources> T) : IEventHandler<WorkflowTaskAssigned>
{
    public async Task HandleAsync(WorkflowTaskAssigned domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var people = await scopes.PeopleAsync(domainEvent.Assignees, cancellationToken);
        if (people.Count == 0)
        {
            return;
        }

        var summary = domainEvent.Summary.Length > 120 ? domainEvent.Summary[..120] + "…" : domainEvent.Summary;
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = WorkflowNotificationKinds.Task,
            RecipientIds = [.. people],
            Url = $"/moderation?task={domainEvent.TaskId}",
            DeduplicationKey = $"task:{domainEvent.TaskId}:{(domainEvent.IsEscalation ? "escalated" : "assigned")}",
            Text = _ => new NotificationText(
                domainEvent.IsEscalation ? T["A pending item was escalated to you"] : T["An item waits for your approval"],
                summary),
        }, cancellationToken);
    }
}
