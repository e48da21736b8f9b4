using Microsoft.AspNetCore.Http;

namespace InternalSocial.Kernel.Hosting;

/// <summary>
/// The browser-side protections every answer carries, for every tenant and every page (site, administration, API):
/// a Content-Security-Policy that allows only this site's own scripts, styles, images and connections (no inline
/// script, no inline style, no <c>eval</c>), no framing, no referrer sent to other sites, no MIME sniffing, and no
/// access to the camera, microphone or location. Pages put their scripts in files (module <c>wwwroot</c>) and their
/// styles in stylesheets; behaviour that once was an <c>onclick</c> is a <c>data-</c> attribute that the site's
/// bundle wires up.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The policy without <c>connect-src</c>, which names the request's own host for WebSockets.</summary>
    public const string BasePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "media-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Set when the answer starts, so that an error page (the exception handler clears the headers) has them too.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            // An answer with a stricter policy of its own (a user's file, sandboxed) keeps it.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = PolicyFor(http.Request.Host);
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    /// <summary>
    /// The whole policy. <c>connect-src 'self'</c> covers fetch and htmx; the SignalR WebSocket is named with ws: and
    /// wss: on the request's host as well, for browsers in which 'self' does not cover WebSocket schemes.
    /// </summary>
    public static string PolicyFor(HostString host) =>
        host.HasValue
            ? $"{BasePolicy}; connect-src 'self' ws://{host.Value} wss://{host.Value}"
            : $"{BasePolicy}; connect-src 'self'";
}
