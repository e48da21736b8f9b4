using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Shells;
using InternalSocial.Kernel.Themes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary>
/// Sign-in with the organisation's OpenID Connect provider (Entra ID, Keycloak, Google Workspace…), configured per
/// tenant: a remote scheme whose options come from the tenant's settings, and the pages that link or create the
/// account at the first sign-in.
/// </summary>
[ForFeature(FeatureId)]
internal sealed class OpenIdConnectStartup(ShellSettings shell) : ModuleStartup
{
    public const string FeatureId = "InternalSocial.Users.OpenIdConnect";

    /// <summary>Where the provider sends the person back, under the tenant's prefix: register <c>https://{host}/{prefix}/signin-oidc</c>.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The sign-in page's zone for other ways to sign in.</summary>
    public const string SignInZone = "sign-in";

    /// <summary>The account page's zone for the ways a person signs in.</summary>
    public const string AccountZone = "account-sign-in";

    // After the Users startup, which sets up authentication and Identity's cookies.
    public override int Order => -90;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<OpenIdConnectSettingsCache>();
        services.AddScoped<OpenIdConnectSettingsService>();
        services.AddScoped<ExternalLoginService>();
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, OpenIdConnectSchemeProvider>());
        services.AddAuthentication().AddOpenIdConnect();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, OpenIdConnectOptionsSetup>();
        // Identity's external cookie carries the provider's answer from the callback to ExternalSignInController,
        // for five minutes; one per tenant, like the sign-in cookie.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, cookie =>
        {
            cookie.Cookie.Name = $".InternalSocial.{shell.Name}.External";
            cookie.Cookie.Path = shell.RequestUrlPrefix.Length > 0 ? "/" + shell.RequestUrlPrefix : "/";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<INavigationProvider, OpenIdConnectAdminMenu>();
        services.AddWidget<ExternalSignInViewComponent>(SignInZone);
        services.AddWidget<ExternalLoginsViewComponent>(AccountZone);
        services.AddScoped<IRecipeStepHandler, OpenIdConnectRecipeStep>();
        services.AddScoped<IRecipeExporter, OpenIdConnectRecipeExporter>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => OpenIdConnectApi.Map(endpoints);
}

internal sealed class OpenIdConnectAdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("Single sign-on", "~/admin/users/openid-connect", 705, OpenIdConnectSettingsService.Permission));
        }
    }
}
