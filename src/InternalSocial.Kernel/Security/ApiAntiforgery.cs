using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Security;

/// <summary>
/// The API's defence against cross-site request forgery. A browser sends the sign-in cookie with any request a page of
/// another site makes, so an API call that changes something and is authenticated by that cookie must also carry the
/// antiforgery token that only the site's own pages can read (header <see cref="HeaderName"/>). A call that brings its
/// credentials in the <c>Authorization</c> header (a personal access token) cannot be forged that way — a browser never
/// adds that header on its own, and another site cannot add it without a CORS preflight that nothing answers — and
/// an anonymous call has nothing to abuse, so both go through unchanged.
/// </summary>
public static class ApiAntiforgery
{
    /// <summary>The header the site's scripts (htmx, the feed's uploads) put the page's token in.</summary>
    public const string HeaderName = "RequestVerificationToken";

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (NeedsToken(http.Request) && http.User.Identity?.IsAuthenticated == true
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            var T = ProblemResults.Texts(http);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [HeaderName] = [T["The antiforgery token is missing or invalid: send the page's token in the {0} header, or call the API with a personal access token.", HeaderName]] },
                title: T["The antiforgery token is missing or invalid."]);
        }

        return await next(context);
    }

    /// <summary>A request that changes something and does not carry its own credentials (a bearer token).</summary>
    private static bool NeedsToken(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
