using InternalSocial.Admin.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Admin.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
[Route("admin")]
[RequirePermission("Admin.AccessAdmin")]
internal sealed class AdminController(
    FeaturesAdminService features,
    SettingsAdminService settings,
    LogoAdminService logos,
    SiteSettingsService siteSettings,
    ShellFeatures shellFeatures,
    Kernel.Modules.FeatureCatalog catalog,
    IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var site = await siteSettings.GetAsync(cancellationToken);
        return View(new DashboardViewModel(site.SiteName, shellFeatures.Features.Count, catalog.Features.Count));
    }

    [HttpGet("features")]
    [RequirePermission("Admin.ManageFeatures")]
    public async Task<IActionResult> Features(CancellationToken cancellationToken) =>
        View(await features.ListAsync(User, cancellationToken));

    [HttpPost("features/{id}/enable")]
    [RequirePermission("Admin.ManageFeatures")]
    public Task<IActionResult> Enable(string id, CancellationToken cancellationToken) =>
        ChangeFeatureAsync(() => features.EnableAsync(User, id, cancellationToken), enabling: true);

    [HttpPost("features/{id}/disable")]
    [RequirePermission("Admin.ManageFeatures")]
    public Task<IActionResult> Disable(string id, CancellationToken cancellationToken) =>
        ChangeFeatureAsync(() => features.DisableAsync(User, id, cancellationToken), enabling: false);

    [HttpGet("settings")]
    [RequirePermission("Admin.ManageSettings")]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) =>
        View(ToViewModel(await settings.GetAsync(User, cancellationToken)));

    [HttpPost("settings/logo")]
    [RequirePermission("Admin.ManageSettings")]
    [RequestFormLimits(MultipartBodyLengthLimit = LogoAdminService.MaxUploadBytes + (1024 * 1024))]
    public async Task<IActionResult> UploadLogo(IFormFile? logo, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = logo?.OpenReadStream();
            await logos.SaveAsync(User, stream, logo?.Length ?? 0, cancellationToken);
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Settings), ToViewModel(await settings.GetAsync(User, cancellationToken)));
        }

        TempData["Message"] = T["Logo saved."].Value;
        return RedirectToAction(nameof(Settings));
    }

    [HttpPost("settings/logo/remove")]
    [RequirePermission("Admin.ManageSettings")]
    public async Task<IActionResult> RemoveLogo(CancellationToken cancellationToken)
    {
        await logos.RemoveAsync(User, cancellationToken);
        TempData["Message"] = T["Logo removed."].Value;
        return RedirectToAction(nameof(Settings));
    }

    [HttpPost("settings")]
    [RequirePermission("Admin.ManageSettings")]
    public async Task<IActionResult> Settings(SettingsViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            var current = await settings.GetAsync(User, cancellationToken);
            await settings.SaveAsync(User, current with
            {
                SiteName = model.SiteName ?? "",
                TimeZoneId = model.TimeZoneId ?? "",
                DefaultCulture = model.DefaultCulture ?? "",
                SiteTheme = string.IsNullOrEmpty(model.SiteTheme) ? null : model.SiteTheme,
                AdminTheme = string.IsNullOrEmpty(model.AdminTheme) ? null : model.AdminTheme,
                AccentColor = string.IsNullOrEmpty(model.AccentColor) ? null : model.AccentColor,
                BaseUrl = string.IsNullOrWhiteSpace(model.BaseUrl) ? null : model.BaseUrl,
            }, cancellationToken);
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);

            model.Themes = settings.Themes;
            model.Logo = (await settings.GetAsync(User, cancellationToken)).Logo;
            return View(model);
        }

        TempData["Message"] = T["Settings saved."].Value;
        return RedirectToAction(nameof(Settings));
    }

    private SettingsViewModel ToViewModel(SiteSettings current) => new()
    {
        SiteName = current.SiteName,
        TimeZoneId = current.TimeZoneId,
        DefaultCulture = current.DefaultCulture,
        SiteTheme = current.SiteTheme,
        AdminTheme = current.AdminTheme,
        AccentColor = current.AccentColor,
        BaseUrl = current.BaseUrl,
        Themes = settings.Themes,
        Logo = current.Logo,
    };

    private async Task<IActionResult> ChangeFeatureAsync(Func<Task<IReadOnlyList<Kernel.Modules.FeatureInfo>>> change, bool enabling)
    {
        try
        {
            var changed = string.Join(", ", (await change()).Select(f => f.Name));
            TempData["Message"] = (changed.Length == 0 ? T["Nothing changed."] : enabling ? T["Features enabled: {0}.", changed] : T["Features disabled: {0}.", changed]).Value;
        }
        catch (Exception exception) when (exception is ConflictException or NotFoundException or Kernel.Modules.UnknownFeatureException or Kernel.Data.MigrationFailedException)
        {
            TempData["Error"] = exception.Message;
        }

        return RedirectToAction(nameof(Features));
    }
}
