using Microsoft.AspNetCore.Http;

namespace InternalSocial.Charter.Gate;

/// <summary>
/// What a person who has not accepted may still reach: the charter itself, signing in and out (and what leads to it:
/// registration, confirmation, password reset, an invitation, single sign-on), health checks, static files, the setup
/// and error pages, and the person's own data export. Everything else waits for the acceptance.
/// </summary>
internal static class GateExemptions
{
    private static readonly PathString[] Prefixes =
    [
        "/charter", "/api/v1/charter", "/health", "/_content", "/setup", "/error",
        "/account/signin", "/account/signout", "/account/denied", "/account/forgot", "/account/reset",
        "/account/register", "/account/confirm", "/account/invitation", "/account/external",

        // Choosing the language the charter is read in.
        "/language",

        // The right of access does not wait for terms to be accepted: one who declines may take their data first.
        "/api/v1/users/me/export",
    ];

    public static bool IsExempt(PathString path) =>
        Prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>A page a browser navigates to (redirected to the charter); anything else is answered with a problem.</summary>
    public static bool IsPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
}
