using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Razor;

namespace InternalSocial.Kernel.Themes;

/// <summary>
/// Chooses the theme of a request: the admin theme under <c>/admin</c>, the site theme elsewhere, each from the
/// tenant's settings; a theme that is not enabled falls back to the base theme (the first always-enabled theme),
/// which also supplies the views a theme does not have (a site-only theme has no admin layout). An admin-only theme
/// is never used for the site.
/// </summary>
public sealed class ThemeResolver(ShellFeatures features, SiteSettingsService settings)
{
    private const string ItemKey = "InternalSocial.Theme";
    private const string BaseItemKey = "InternalSocial.BaseTheme";

    public IEnumerable<FeatureInfo> EnabledThemes => features.Features.Where(f => f.IsTheme);

    public async Task<FeatureInfo?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shell = context.RequestServices.GetService(typeof(ShellSettings)) as ShellSettings;
        var isAdmin = IsAdminRequest(context);
        string? chosen = null;
        if (shell?.State == TenantState.Running)
        {
            var site = await settings.GetAsync(cancellationToken);
            chosen = isAdmin ? site.AdminTheme : site.SiteTheme;
        }

        var baseTheme = EnabledThemes.Where(t => !t.IsAdminTheme).OrderByDescending(t => t.IsAlwaysEnabled).FirstOrDefault();
        var theme = EnabledThemes.FirstOrDefault(t => t.Id == chosen && (isAdmin || !t.IsAdminTheme)) ?? baseTheme;
        context.Items[ItemKey] = theme;
        context.Items[BaseItemKey] = baseTheme;
        return theme;
    }

    /// <summary>The theme resolved for this request by <see cref="ResolveAsync"/>.</summary>
    public static FeatureInfo? Current(HttpContext context) => context?.Items[ItemKey] as FeatureInfo;

    /// <summary>The theme whose views stand in for those the current theme lacks.</summary>
    public static FeatureInfo? Base(HttpContext context) => context?.Items[BaseItemKey] as FeatureInfo;

    public static bool IsAdminRequest(HttpContext context) =>
        context?.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>Looks for views in the request's theme (<c>/Themes/{name}/Views/…</c>) before the modules' own.</summary>
public sealed class ThemeViewLocationExpander : IViewLocationExpander
{
    private const string ThemeKey = "theme";
    private const string BaseKey = "base";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Values[ThemeKey] = ThemeResolver.Current(context.ActionContext.HttpContext)?.ThemeName;
        context.Values[BaseKey] = ThemeResolver.Base(context.ActionContext.HttpContext)?.ThemeName;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Values.TryGetValue(ThemeKey, out var theme);
        context.Values.TryGetValue(BaseKey, out var baseTheme);
        var themes = new[] { theme, baseTheme }.Where(t => !string.IsNullOrEmpty(t)).Distinct();
        var themed = themes.SelectMany(name => new[] { $"/Themes/{name}/Views/{{1}}/{{0}}.cshtml", $"/Themes/{name}/Views/Shared/{{0}}.cshtml" });
        return themed.Concat(viewLocations);
    }
}

/// <summary>Resolves the request's theme before an MVC result (a view) runs.</summary>
public sealed class ThemeResultFilter(ThemeResolver resolver) : Microsoft.AspNetCore.Mvc.Filters.IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.ResultExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (ThemeResolver.Current(context.HttpContext) is null)
        {
            await resolver.ResolveAsync(context.HttpContext, context.HttpContext.RequestAborted);
        }

        await next();
    }
}
