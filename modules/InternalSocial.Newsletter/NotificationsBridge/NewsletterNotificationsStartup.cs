using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Themes;
using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Newsletter.NotificationsBridge;

/// <summary>
/// Newsletter in the notification settings: the person's newsletter switch shown on the Notifications module's
/// settings page, through its <see cref="NotificationZones.Preferences"/> zone. The choice stays the newsletter's own
/// opt-out; the Notifications module knows nothing of it.
/// </summary>
[ForFeature(FeatureId)]
internal sealed class NewsletterNotificationsStartup : ModuleStartup
{
    public const string FeatureId = "InternalSocial.Newsletter.Notifications";

    public override void ConfigureServices(IServiceCollection services) =>
        services.AddWidget<NewsletterSubscriptionViewComponent>(NotificationZones.Preferences);
}
