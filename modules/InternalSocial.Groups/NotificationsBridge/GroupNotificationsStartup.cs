using InternalSocial.Groups.Abstractions.Events;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Groups.NotificationsBridge;

[ForFeature("InternalSocial.Groups.Notifications")]
internal sealed class GroupNotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<INotificationKindProvider, GroupNotificationKinds>();
        services.AddScoped<INotificationVisibility, InvitationNotificationVisibility>();
        services.AddScoped<IEventHandler<MemberInvited>, InvitationNotifier>();
    }
}
