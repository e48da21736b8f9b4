using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Workflows.NotificationsBridge;

[ForFeature("InternalSocial.Workflows.Notifications")]
internal sealed class WorkflowNotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<INotificationKindProvider, WorkflowNotificationKinds>();
        services.AddScoped<IEventHandler<WorkflowTaskAssigned>, TaskAssignedNotifier>();
        services.AddScoped<IActivity, NotifyActivity>();
    }
}
