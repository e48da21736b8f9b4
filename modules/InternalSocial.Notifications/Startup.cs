using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Themes;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Notifications.Endpoints;
using InternalSocial.Notifications.Hubs;
using InternalSocial.Notifications.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Notifications;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<NotificationsDbContext>();
        services.AddSignalR();
        services.AddHttpContextAccessor();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddScoped<NotificationKinds>();
        services.AddScoped<NotificationLinks>();
        services.AddScoped<UnreadCountPublisher>();
        services.AddScoped<Notifier>();
        services.AddScoped<INotifier>(provider => provider.GetRequiredService<Notifier>());
        services.AddScoped<IBackgroundTask, FanOutTask>();
        services.AddScoped<NotificationsService>();
        services.AddWidget<Components.NotificationBellViewComponent>(ZoneNames.Header, position: 0);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        NotificationsApi.Map(endpoints);
        endpoints.MapHub<NotificationsHub>("/hubs/notifications");
    }
}

/// <summary>Mails: at once and in digests, when the organisation's e-mail is on.</summary>
[ForFeature("InternalSocial.Notifications.Email")]
internal sealed class EmailStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<NotificationMailer>();
        services.AddScoped<INotificationMailer>(provider => provider.GetRequiredService<NotificationMailer>());
        services.AddScoped<IBackgroundTask, DigestTask>();
    }
}
