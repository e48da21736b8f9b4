using System.Security.Claims;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary>
/// Builds the OpenID Connect handler's options from the tenant's settings: authorization code flow with PKCE, the
/// person's claims kept as the provider sends them, the result signed in to Identity's external cookie for
/// <see cref="ExternalSignInController"/> to link or create the account. The options are built again after a save
/// (<see cref="OpenIdConnectSettingsCache.Set"/> clears them).
/// </summary>
internal sealed class OpenIdConnectOptionsSetup(OpenIdConnectSettingsCache cache, IServiceScopeFactory scopes, ShellSettings shell, IOptions<InternalSocialOptions> hostOptions)
    : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != OpenIdConnectDefaults.AuthenticationScheme)
        {
            return;
        }

        // The scheme provider reads the settings (asynchronously) before any handler is built; this is a fallback.
        var settings = cache.Current ?? cache.GetAsync(CancellationToken.None).GetAwaiter().GetResult();
        string? secret;
        using (var scope = scopes.CreateScope())
        {
            secret = scope.ServiceProvider.GetRequiredService<OpenIdConnectSettingsService>().UnprotectSecret(settings);
        }

        options.Authority = settings.Authority;
        if (!hostOptions.Value.AllowPrivateNetworkTargets)
        {
            // Discovery, keys and token redemption: to the addresses checked at each connection, never a private one.
            options.BackchannelHttpHandler = NetworkTargets.CreateHandler(hostOptions.Value);
        }

        options.RequireHttpsMetadata = !(Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority)
            && authority.Scheme == Uri.UriSchemeHttp && OpenIdConnectSettingsService.IsLoopback(authority));
        options.ClientId = settings.ClientId;
        options.ClientSecret = secret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.Scope.Clear();
        options.Scope.Add(OpenIdConnectScope.OpenId);
        foreach (var scopeName in settings.Scopes)
        {
            options.Scope.Add(scopeName);
        }

        options.CallbackPath = OpenIdConnectStartup.CallbackPath;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        // Claims keep the provider's names (sub, email, email_verified, name), and the issuer stays among them.
        options.MapInboundClaims = false;
        options.ClaimActions.Remove("iss");
        options.TokenValidationParameters.NameClaimType = "name";
        // One tenant's sign-in cookies are not another's.
        options.CorrelationCookie.Name = $".InternalSocial.{shell.Name}.Correlation.";
        options.NonceCookie.Name = $".InternalSocial.{shell.Name}.Nonce.";
        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context => CheckIssuerAsync(context, settings),
            OnRemoteFailure = RefuseAsync,
        };
    }

    /// <summary>The issuer of the tokens must be the configured authority (OpenID Connect Discovery 1.0, section 4.3).</summary>
    private static Task CheckIssuerAsync(TokenValidatedContext context, OpenIdConnectSettings settings)
    {
        var issuer = context.SecurityToken?.Issuer ?? context.Principal?.FindFirstValue("iss");
        if (!SameIssuer(issuer, settings.Authority))
        {
            context.Fail($"The token's issuer '{issuer}' is not the configured authority '{settings.Authority}'.");
        }

        return Task.CompletedTask;
    }

    /// <summary>Any failure of the provider's answer (state, signature, issuer, audience, code) ends on a page that says so.</summary>
    private static Task RefuseAsync(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILogger<OpenIdConnectOptionsSetup>>()
            .LogWarning(context.Failure, "OpenID Connect sign-in refused in tenant {Tenant}.", context.HttpContext.RequestServices.GetRequiredService<ShellSettings>().Name);
        context.Response.Redirect(context.Request.PathBase + ExternalSignInController.FailedPath);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public static bool SameIssuer(string? issuer, string authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return issuer is not null && string.Equals(issuer.TrimEnd('/'), authority.TrimEnd('/'), StringComparison.Ordinal);
    }
}

/// <summary>
/// Offers the OpenID Connect scheme only once the tenant configured a provider, and reads the settings before a
/// handler is built: the authentication middleware asks for its remote schemes on every request, asynchronously,
/// before it builds their options (synchronously).
/// </summary>
internal sealed class OpenIdConnectSchemeProvider(IOptions<AuthenticationOptions> options, OpenIdConnectSettingsCache cache)
    : AuthenticationSchemeProvider(options)
{
    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var schemes = await base.GetRequestHandlerSchemesAsync();
        return await IsConfiguredAsync() ? schemes : schemes.Where(s => s.Name != OpenIdConnectDefaults.AuthenticationScheme);
    }

    public override async Task<AuthenticationScheme?> GetSchemeAsync(string name) =>
        name == OpenIdConnectDefaults.AuthenticationScheme && !await IsConfiguredAsync() ? null : await base.GetSchemeAsync(name);

    public override async Task<IEnumerable<AuthenticationScheme>> GetAllSchemesAsync()
    {
        var schemes = await base.GetAllSchemesAsync();
        return await IsConfiguredAsync() ? schemes : schemes.Where(s => s.Name != OpenIdConnectDefaults.AuthenticationScheme);
    }

    private async Task<bool> IsConfiguredAsync() => (await cache.GetAsync(CancellationToken.None)).IsConfigured;
}
