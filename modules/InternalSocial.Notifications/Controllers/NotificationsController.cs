using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Notifications.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Notifications.Controllers;

internal sealed record PreferencesViewModel(IReadOnlyList<PreferenceItem> Preferences, bool EmailEnabled, DigestScheduleView? Digest = null);

[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class NotificationsController(NotificationsService notifications, IEnumerable<INotificationMailer> mailers, IStringLocalizer<ModuleResources> T) : Controller
{
    public const string DigestFrequencyField = "digestFrequency";
    public const string DigestWeekdayField = "digestWeekday";

    [Authorize]
    [HttpGet("notifications")]
    public async Task<IActionResult> Index(string? cursor, CancellationToken cancellationToken) =>
        View(await notifications.ListAsync(User, cursor, cancellationToken));

    /// <summary>Opening a notification marks it read, then goes to what it is about.</summary>
    [Authorize]
    [HttpPost("notifications/{id:long}/open")]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        var url = await notifications.MarkReadAsync(User, id, cancellationToken);
        return LocalRedirect("~" + (url.StartsWith('/') ? url : "/"));
    }

    [Authorize]
    [HttpPost("notifications/read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken cancellationToken)
    {
        await notifications.MarkAllReadAsync(User, cancellationToken);
        return Redirect("~/notifications");
    }

    [Authorize]
    [HttpGet("notifications/preferences")]
    public async Task<IActionResult> Preferences(CancellationToken cancellationToken) =>
        View(new PreferencesViewModel(await notifications.GetPreferencesAsync(User, cancellationToken), mailers.Any(), await notifications.GetDigestScheduleAsync(User, cancellationToken)));

    [Authorize]
    [HttpPost("notifications/preferences")]
    [RedirectOnError("~/notifications/preferences", typeof(InvalidInputException))]
    public async Task<IActionResult> SavePreferences(CancellationToken cancellationToken)
    {
        // One select per kind, named by the kind's key; the digest's schedule in its own two fields (when e-mail is on).
        var form = await Request.ReadFormAsync(cancellationToken);
        string[] others = ["__RequestVerificationToken", DigestFrequencyField, DigestWeekdayField];
        DigestScheduleInput? digest = form.TryGetValue(DigestFrequencyField, out var frequency) ? new(frequency.ToString(), form[DigestWeekdayField].ToString()) : null;
        if (digest is not null)
        {
            notifications.ParseDigestSchedule(digest, "");
        }

        await notifications.SavePreferencesAsync(User, form.Where(c => !others.Contains(c.Key)).Select(c => new PreferenceChange(c.Key, c.Value.ToString())).ToList(), cancellationToken);
        if (digest is not null)
        {
            await notifications.SaveDigestScheduleAsync(User, digest, "", cancellationToken);
        }

        TempData["Message"] = T["Your choices are saved."].Value;
        return Redirect("~/notifications/preferences");
    }

    /// <summary>The link in every mail: a page with one button (mail scanners follow links; only a POST changes anything).</summary>
    [HttpGet("notifications/unsubscribe")]
    public IActionResult Unsubscribe(string? token) => View(model: token);

    [HttpPost("notifications/unsubscribe")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> ConfirmUnsubscribe(string? token, CancellationToken cancellationToken)
    {
        // One-click unsubscribe (RFC 8058) posts from the mail client without our form, so it cannot carry an antiforgery
        // token; the signed token is what proves the request.
        var done = await notifications.UnsubscribeAsync(token, cancellationToken);
        return done ? View("Unsubscribed") : BadRequest(T["This unsubscribe link is not valid."].Value);
    }
}
