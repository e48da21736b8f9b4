using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Admin.Services;

/// <summary>The organisation's settings, for those allowed to change them.</summary>
internal sealed class SettingsAdminService(
    SiteSettingsService settings,
    FeatureCatalog catalog,
    FeatureManager features,
    ShellSettings shell,
    IAuthorizationService authorization,
    Microsoft.Extensions.Localization.IStringLocalizer<KernelResources> kernelTexts,
    Microsoft.Extensions.Localization.IStringLocalizer<ModuleResources> T)
{
    /// <summary>The themes an organisation may choose.</summary>
    public IReadOnlyList<FeatureInfo> Themes => [.. catalog.Features.Where(f => f.IsTheme && (shell.IsDefault || !f.DefaultTenantOnly))];

    public async Task<SiteSettings> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageSettings);
        return await settings.GetAsync(cancellationToken);
    }

    /// <summary>Saves the settings; a chosen theme that is off is turned on first.</summary>
    public async Task SaveAsync(ClaimsPrincipal user, SiteSettings value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageSettings);
        var errors = new Dictionary<string, string>(value.Validate(kernelTexts));
        foreach (var (field, theme) in new[] { ("siteTheme", value.SiteTheme), ("adminTheme", value.AdminTheme) })
        {
            if (theme is not null && !Themes.Any(t => t.Id == theme))
            {
                errors[field] = T["'{0}' is not a theme; themes: {1}.", theme, string.Join(", ", Themes.Select(t => t.Id))];
            }
            else if (field == "siteTheme" && Themes.Any(t => t.Id == theme && t.IsAdminTheme))
            {
                errors[field] = T["'{0}' is a theme for the administration only.", theme!];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var themes = new[] { value.SiteTheme, value.AdminTheme }.OfType<string>().Distinct().ToList();
        if (themes.Count > 0)
        {
            await features.EnableAsync(shell.Name, themes, cancellationToken);
        }

        await settings.SaveAsync(value, cancellationToken);
    }
}
