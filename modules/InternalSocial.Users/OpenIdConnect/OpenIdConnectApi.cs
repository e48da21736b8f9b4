using System.Security.Claims;
using InternalSocial.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary><c>/api/v1/auth/openid-connect</c>: the provider's settings (the client secret is write-only).</summary>
internal static class OpenIdConnectApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("auth/openid-connect", "Authentication").RequireAuthorization();
        api.MapGet("", async (ClaimsPrincipal user, OpenIdConnectSettingsService settings, CancellationToken cancellationToken) =>
                TypedResults.Ok(await settings.GetViewAsync(user, cancellationToken)))
            .WithSummary("The OpenID Connect provider's settings, without the client secret.");
        api.MapPut("", async (OpenIdConnectSettingsInput? input, ClaimsPrincipal user, OpenIdConnectSettingsService settings, CancellationToken cancellationToken) =>
                TypedResults.Ok(await settings.SaveAsync(user, input ?? throw InvalidInputException.BodyRequired("{providerName, authority, clientId, clientSecret, scopes, autoProvision, allowedDomains}"), cancellationToken)))
            .WithSummary("Set the OpenID Connect provider. Absent fields keep their value; a null clientSecret keeps the stored one, an empty one removes it.");
    }
}
