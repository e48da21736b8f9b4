using InternalSocial.Newsletter.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Newsletter.NotificationsBridge;

/// <summary>The switch: ticked while the person receives the newsletter; its form posts to <c>newsletter/subscription</c>.</summary>
internal sealed class NewsletterSubscriptionViewComponent(NewsletterSubscriptions subscriptions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.Identity?.IsAuthenticated != true)
        {
            return Content("");
        }

        var subscribed = await subscriptions.IsSubscribedAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return View(new NewsletterSubscriptionModel(subscribed, Request.PathBase + Request.Path));
    }
}
