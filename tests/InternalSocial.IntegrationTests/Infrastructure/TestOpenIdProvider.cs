using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>The person the provider "signs in" at its authorization endpoint, without any page.</summary>
public sealed record TestOpenIdUser(string Subject, string? Email, bool EmailVerified, string? Name);

/// <summary>What is wrong with a provider, for the tests that must refuse it.</summary>
public enum ProviderFlaw
{
    None,

    /// <summary>The discovery document names another issuer than the provider's own address.</summary>
    AnnouncesAnotherIssuer,

    /// <summary>ID tokens are signed with a key that the published key set does not hold (same key id, other key).</summary>
    SignsWithUnpublishedKey,
}

/// <summary>
/// A real OpenID Connect provider for the tests: an OpenIddict server in its own Kestrel host on 127.0.0.1 at a random
/// port, with the authorization code flow and PKCE required, an ephemeral RSA signing key and one client
/// (<see cref="ClientId"/>, <see cref="ClientSecret"/>). Its authorization endpoint signs in <see cref="User"/> at
/// once (no page), and answers with form_post as the site asks. Degraded mode: no database; the handlers below check
/// the client and its redirect address as a provider's stores would.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "internalsocial-tests";
    public const string ClientSecret = "s3cret-of-the-test-client";

    private readonly WebApplication _app;

    private TestOpenIdProvider(WebApplication app, ProviderFlaw flaw)
    {
        _app = app;
        Flaw = flaw;
    }

    public ProviderFlaw Flaw { get; }

    /// <summary>The provider's address, also its issuer: <c>http://127.0.0.1:{port}</c>.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Who signs in at the next authorization request.</summary>
    public TestOpenIdUser User { get; set; } = new("subject-1", "ada@contoso.test", true, "Ada Lovelace");

    /// <summary>The authorization requests received, as their parameters.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string?>> AuthorizationRequests { get; } = new();

    /// <summary>The token requests that presented the right client secret and code verifier.</summary>
    public int AcceptedTokenRequests => _acceptedTokenRequests;

    private int _acceptedTokenRequests;

    public static async Task<TestOpenIdProvider> StartAsync(ProviderFlaw flaw = ProviderFlaw.None)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        TestOpenIdProvider? provider = null;
        TestOpenIdProvider Provider() => provider!;
        var signingKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-signing-key" };
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetConfigurationEndpointUris(".well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris(".well-known/jwks");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            options.AddSigningKey(signingKey).AddEphemeralEncryptionKey();
            options.EnableDegradedMode();
            options.DisableTokenStorage();
            options.UseAspNetCore().DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                Provider().AuthorizationRequests.Enqueue(context.Request.GetParameters().ToDictionary(p => p.Key, p => (string?)p.Value.ToString()));
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client_id.");
                }
                else if (context.RedirectUri is not { } redirect || !redirect.EndsWith("/signin-oidc", StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered for this client.");
                }

                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }

                return default;
            }));
            options.AddEventHandler<HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var user = Provider().User;
                var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
                identity.AddClaim(new Claim(Claims.Subject, user.Subject));
                if (user.Email is not null)
                {
                    identity.AddClaim(new Claim(Claims.Email, user.Email));
                    identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
                }

                if (user.Name is not null)
                {
                    identity.AddClaim(new Claim(Claims.Name, user.Name));
                }

                var principal = new ClaimsPrincipal(identity);
                principal.SetScopes(context.Request.GetScopes());
                principal.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
                context.SignIn(principal);
                return default;
            }));
            options.AddEventHandler<HandleTokenRequestContext>(handler => handler
                .UseInlineHandler(context =>
                {
                    // The principal comes from the authorization code (OpenIddict checked the code verifier).
                    Interlocked.Increment(ref Provider()._acceptedTokenRequests);
                    context.SignIn(context.Principal!);
                    return default;
                })
                .SetOrder(OpenIddictServerHandlers.Exchange.AttachPrincipal.Descriptor.Order + 1_000));

            if (flaw == ProviderFlaw.AnnouncesAnotherIssuer)
            {
                options.AddEventHandler<HandleConfigurationRequestContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        context.Issuer = new Uri("https://impostor.example/");
                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.Discovery.AttachIssuer.Descriptor.Order + 1));
            }
            else if (flaw == ProviderFlaw.SignsWithUnpublishedKey)
            {
                // Publish another RSA key under the signing key's id: every signature then fails to verify.
                var published = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(RSA.Create(2048).ExportParameters(false)));
                options.AddEventHandler<HandleJsonWebKeySetRequestContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        foreach (var key in context.Keys)
                        {
                            key.N = published.N;
                            key.E = published.E;
                            key.X5c.Clear();
                            key.X5t = null;
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.Discovery.AttachSigningKeys.Descriptor.Order + 1));
            }
        });

        var app = builder.Build();
        provider = new TestOpenIdProvider(app, flaw);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider.Authority = address.TrimEnd('/');
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
