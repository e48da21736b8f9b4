using System.Globalization;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Localization;

/// <summary>
/// The language of a request: the user's choice (the culture cookie), else the browser's, else the organisation's
/// default language. Texts come from each module's <c>Resources/ModuleResources.{culture}.resx</c>; English is the
/// text in the code itself.
/// </summary>
public static class TenantLocalization
{
    public static IReadOnlyList<CultureInfo> SupportedCultures { get; } = [.. SiteSettings.SupportedCultures.Select(c => new CultureInfo(c))];

    public static IApplicationBuilder UseTenantLocalization(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = [.. SupportedCultures],
            SupportedUICultures = [.. SupportedCultures],
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = CultureCookieName },
            new AcceptLanguageHeaderRequestCultureProvider(),
            new OrganisationDefaultCultureProvider(),
        ];
        return app.UseRequestLocalization(options);
    }

    /// <summary>The cookie that holds the user's chosen language.</summary>
    public const string CultureCookieName = ".InternalSocial.Culture";

    /// <summary>Remembers a user's language choice for a year, for the tenant's path only.</summary>
    public static void RememberCulture(HttpResponse response, string culture, PathString pathBase)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(
            CultureCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Path = pathBase.HasValue ? pathBase.Value : "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    private sealed class OrganisationDefaultCultureProvider : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (httpContext.RequestServices.GetService<ShellSettings>() is not { State: TenantState.Running })
            {
                return null;
            }

            var settings = await httpContext.RequestServices.GetRequiredService<SiteSettingsService>().GetAsync(httpContext.RequestAborted);
            return new ProviderCultureResult(settings.DefaultCulture);
        }
    }
}
