using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Themes;

/// <summary>What the layouts show around every page: the organisation's name and logo, the menus the user may see, the language.</summary>
public sealed record LayoutModel(string SiteName, IReadOnlyList<MenuItem> Menu, bool IsRunning, string? AccentColor = null, string? LogoUrl = null)
{
    /// <summary>How many entries a phone's bottom bar shows, the home page included; the others go behind "More".</summary>
    public const int TabBarSize = 4;

    /// <summary>Where the header's search field sends its query (<see cref="HeaderSearch"/>); null: no search field.</summary>
    public SearchTarget? Search { get; init; }

    /// <summary>The menu entries shown in a phone's bottom bar after the home page, by position.</summary>
    public IReadOnlyList<MenuItem> TabBarItems => [.. Menu.Take(TabBarSize - 1)];

    /// <summary>The menu entries behind the bottom bar's "More" (empty: no "More").</summary>
    public IReadOnlyList<MenuItem> MoreItems => [.. Menu.Skip(TabBarSize - 1)];

    /// <summary>The browser's theme colour: the organisation's accent colour, else the theme's own.</summary>
    public string ThemeColor(string themeDefault) => AccentColor ?? themeDefault;

    /// <summary>The language of the page, for <c>&lt;html lang&gt;</c>.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The languages a visitor may choose, each with its own name (English, Français).</summary>
    public static IReadOnlyList<(string Culture, string Name)> Languages { get; } =
        [.. TenantLocalization.SupportedCultures.Select(c => (c.Name, CultureInfo.CurrentCulture.TextInfo.ToTitleCase(c.NativeName)))];

    /// <summary>Builds the model from the request's tenant services. An uninitialized tenant has no database yet.</summary>
    public static async Task<LayoutModel> BuildAsync(IServiceProvider services, ClaimsPrincipal user, string menuName)
    {
        ArgumentNullException.ThrowIfNull(services);
        var shell = services.GetRequiredService<ShellSettings>();
        if (shell.State != TenantState.Running)
        {
            return new LayoutModel("InternalSocial", [], IsRunning: false);
        }

        var settings = await services.GetRequiredService<SiteSettingsService>().GetAsync(CancellationToken.None);
        var menu = await services.GetRequiredService<NavigationManager>().BuildMenuAsync(menuName, user);
        return new LayoutModel(settings.SiteName, menu, IsRunning: true, settings.AccentColor, settings.Logo?.Url)
        {
            // The site's header has the search field; the administration's does not.
            Search = menuName == MenuNames.Main && user.Identity?.IsAuthenticated == true ? await HeaderSearch.ResolveAsync(services, user) : null,
        };
    }
}
