using InternalSocial.Charter.Events;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Charter.NotificationsBridge;

[ForFeature("InternalSocial.Charter.Notifications")]
internal sealed class CharterNotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<INotificationKindProvider, CharterNotificationKinds>();
        services.AddScoped<NewVersionNotifier>();
        services.AddScoped<IEventHandler<CharterVersionPublished>>(provider => provider.GetRequiredService<NewVersionNotifier>());
        services.AddScoped<IEventHandler<CharterRemindersRequested>>(provider => provider.GetRequiredService<NewVersionNotifier>());
    }
}
