using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Themes;
using InternalSocial.Newsletter.Services;
using InternalSocial.Notifications.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Newsletter.NotificationsBridge;

/// <summary>
/// Newsletter in the notification settings: the person's newsletter switch shown on the Notifications module's
/// settings page, through its <see cref="NotificationZones.Preferences"/> zone. The choice stays the newsletter's own
/// opt-out; the Notifications module knows nothing of it.
/// </summary>
[ForFeature(FeatureId)]
public sealed class NewsletterNotificationsStartup : ModuleStartup
{
    public const string FeatureId = "InternalSocial.Newsletter.Notifications";

    public override void ConfigureServices(IServiceCollection services) =>
        services.AddWidget<NewsletterSubscriptionViewComponent>(NotificationZones.Preferences);
}

public sealed record NewsletterSubscriptionModel(bool Subscribed, string ReturnUrl);

/// <summary>The switch: ticked while the person receives the newsletter; its form posts to <c>newsletter/subscription</c>.</summary>
public sealed class NewsletterSubscriptionViewComponent(NewsletterService newsletter) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.Identity?.IsAuthenticated != true)
        {
            return Content("");
        }

        var subscribed = await newsletter.IsSubscribedAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return View(new NewsletterSubscriptionModel(subscribed, Request.PathBase + Request.Path));
    }
}
