using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace InternalSocial.Kernel.Files;

/// <summary>
/// Serves a stored file so that it cannot run as a page of the site: only re-encoded raster images are shown inline,
/// everything else downloads; the browser may not sniff another type; a sandbox CSP covers the response.
/// </summary>
public static class FileResponses
{
    private static readonly HashSet<string> InlineTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/webp", "image/png", "image/jpeg", "image/gif",
    };

    /// <param name="isPrivate">True for content that not everyone in the organisation may see: no shared cache keeps it.</param>
    public static IResult Serve(HttpContext context, Stream content, string contentType, string downloadName, bool isPrivate = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = isPrivate ? "private, max-age=3600" : "public, max-age=86400";
        var inline = InlineTypes.Contains(contentType);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(downloadName);
        headers.ContentDisposition = disposition.ToString();
        return Results.Stream(content, inline ? contentType : "application/octet-stream", enableRangeProcessing: true);
    }
}
