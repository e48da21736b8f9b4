using System.Security.Claims;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Themes;

/// <summary>What the layouts show around every page: the organisation's name and the menus the user may see.</summary>
public sealed record LayoutModel(string SiteName, IReadOnlyList<MenuItem> Menu)
{
    /// <summary>Builds the model from the request's tenant services. An uninitialized tenant has no database yet.</summary>
    public static async Task<LayoutModel> BuildAsync(IServiceProvider services, ClaimsPrincipal user, string menuName)
    {
        ArgumentNullException.ThrowIfNull(services);
        var shell = services.GetRequiredService<ShellSettings>();
        if (shell.State != TenantState.Running)
        {
            return new LayoutModel("InternalSocial", []);
        }

        var settings = await services.GetRequiredService<SiteSettingsService>().GetAsync(CancellationToken.None);
        var menu = await services.GetRequiredService<NavigationManager>().BuildMenuAsync(menuName, user);
        return new LayoutModel(settings.SiteName, menu);
    }
}
