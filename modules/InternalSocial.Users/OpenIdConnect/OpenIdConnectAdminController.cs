using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary><c>/admin/users/openid-connect</c>: the organisation's OpenID Connect provider.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[FeatureGate(OpenIdConnectStartup.FeatureId)]
[Authorize]
[RequirePermission("Users.ManageRoles")]
[Route("admin/users/openid-connect")]
internal sealed class OpenIdConnectAdminController(OpenIdConnectSettingsService settings, TenantUrls urls, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var current = await settings.GetViewAsync(User, cancellationToken);
        return View(await WithCallbackAsync(new OpenIdConnectSettingsViewModel
        {
            ProviderName = current.ProviderName,
            Authority = current.Authority,
            ClientId = current.ClientId,
            Scopes = string.Join(' ', current.Scopes),
            AutoProvision = current.AutoProvision,
            AllowedDomains = string.Join(' ', current.AllowedDomains),
            HasClientSecret = current.HasClientSecret,
        }, cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(OpenIdConnectSettingsViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            // An empty secret field keeps the stored secret: the page never shows it, so it cannot be sent back.
            var secret = model.RemoveClientSecret ? "" : string.IsNullOrEmpty(model.ClientSecret) ? null : model.ClientSecret;
            await settings.SaveAsync(User, new OpenIdConnectSettingsInput(
                model.ProviderName ?? "", model.Authority ?? "", model.ClientId ?? "", secret,
                OpenIdConnectSettingsViewModel.Words(model.Scopes), model.AutoProvision, OpenIdConnectSettingsViewModel.Words(model.AllowedDomains)), cancellationToken);
            TempData["Message"] = T["Single sign-on settings saved."].Value;
            return Redirect("~/admin/users/openid-connect");
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);
            model.ClientSecret = null;
            model.HasClientSecret = (await settings.GetViewAsync(User, cancellationToken)).HasClientSecret;
            return View(nameof(Index), await WithCallbackAsync(model, cancellationToken));
        }
    }

    /// <summary>
    /// The redirect address to register at the provider starts with the tenant's public address, never the request's
    /// Host header; a tenant without one gets the site path, which the administrator completes.
    /// </summary>
    private async Task<OpenIdConnectSettingsViewModel> WithCallbackAsync(OpenIdConnectSettingsViewModel model, CancellationToken cancellationToken)
    {
        model.CallbackUrl = (await urls.GetBaseUrlAsync(cancellationToken) ?? Request.PathBase.Value) + OpenIdConnectStartup.CallbackPath;
        return model;
    }
}
