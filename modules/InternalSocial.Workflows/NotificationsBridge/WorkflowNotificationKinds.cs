using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.NotificationsBridge;

internal sealed class WorkflowNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    /// <summary>A task was assigned to me (or escalated to me).</summary>
    public const string Task = "workflows.task";

    /// <summary>What a workflow tells someone (a post approved, rejected with its reason, sent back).</summary>
    public const string Message = "workflows.message";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(Task, T["A moderation task is assigned to me"], NotificationChannel.EmailImmediately),
        new(Message, T["News about my submissions (approved, rejected, sent back)"], NotificationChannel.EmailImmediately),
    ];
}
