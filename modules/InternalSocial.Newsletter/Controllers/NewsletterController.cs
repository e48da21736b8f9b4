using InternalSocial.Newsletter.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Newsletter.Controllers;

/// <summary>The unsubscribe link of newsletter mails: a page that confirms, and the one-click POST of mail clients (RFC 8058).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class NewsletterController(NewsletterSubscriptions subscriptions, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("newsletter/unsubscribe")]
    public IActionResult Unsubscribe(string? token) => View(model: token);

    [HttpPost("newsletter/unsubscribe")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> ConfirmUnsubscribe(string? token, CancellationToken cancellationToken)
    {
        // Mail clients post without our form, so without an antiforgery token: the recipient's unguessable token is the proof.
        var done = await subscriptions.UnsubscribeAsync(token, cancellationToken);
        return done ? View("Unsubscribed") : BadRequest(T["This unsubscribe link is not valid."].Value);
    }

    /// <summary>The switch among the notification settings (a box left unticked sends nothing): the person's own choice.</summary>
    [Authorize]
    [HttpPost("newsletter/subscription")]
    public async Task<IActionResult> Subscription(bool subscribed, string? returnUrl, CancellationToken cancellationToken)
    {
        await subscriptions.SetSubscribedAsync(User, subscribed, cancellationToken);
        TempData["Message"] = (subscribed ? T["You will receive the newsletter."] : T["You will no longer receive the newsletter."]).Value;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
    }
}
