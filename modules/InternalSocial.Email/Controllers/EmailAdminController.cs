using InternalSocial.Email.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Email.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[RequirePermission("Email.Manage")]
internal sealed class EmailAdminController(EmailSettingsService settings, OutboxQueries outbox, SiteSettingsService site, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("admin/email")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var current = await settings.GetViewAsync(User, cancellationToken);
        var model = new EmailSettingsViewModel
        {
            Host = current.Host,
            Port = current.Port,
            Security = current.Security,
            UserName = current.UserName,
            FromAddress = current.FromAddress,
            FromName = current.FromName,
            HasPassword = current.HasPassword,
        };
        return View(new EmailAdminViewModel(model, await outbox.ListAsync(User, null, 20, cancellationToken)));
    }

    [HttpPost("admin/email")]
    public async Task<IActionResult> Save([Bind(Prefix = "Settings")] EmailSettingsViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            // An empty password field keeps the stored password: browsers never get it back to resubmit.
            await settings.SaveAsync(User, new EmailSettingsInput(model.Host, model.Port, model.Security, model.UserName, string.IsNullOrEmpty(model.Password) ? null : model.Password, model.FromAddress, model.FromName), cancellationToken);
            TempData["Message"] = T["E-mail settings saved."].Value;
            return Redirect("~/admin/email");
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid, prefix: "Settings.");
            model.HasPassword = (await settings.GetViewAsync(User, cancellationToken)).HasPassword;
            return View(nameof(Index), new EmailAdminViewModel(model, await outbox.ListAsync(User, null, 20, cancellationToken)));
        }
    }

    [HttpPost("admin/email/test")]
    public async Task<IActionResult> SendTest(string? to, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.SendTestAsync(User, to, (await site.GetAsync(cancellationToken)).SiteName, cancellationToken);
            TempData["Message"] = T["A test e-mail to {0} is in the outbox.", to ?? ""].Value;
        }
        catch (InvalidInputException invalid)
        {
            TempData["Error"] = invalid.Errors.Values.First();
        }

        return Redirect("~/admin/email");
    }
}
