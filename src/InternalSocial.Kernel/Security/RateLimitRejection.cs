using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InternalSocial.Kernel.Security;

/// <summary>The one shape of a rate-limit refusal: 429, <c>Retry-After</c> in seconds, and a problem that says when to retry.</summary>
public static class RateLimitRejection
{
    /// <param name="texts">The problem's title and detail, given the seconds to wait (in the request's language).</param>
    public static async ValueTask WriteAsync(OnRejectedContext context, Func<int, (string Title, string Detail)> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(texts);
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var (title, detail) = texts(seconds);
        await response.WriteAsJsonAsync(
            new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail },
            (System.Text.Json.JsonSerializerOptions?)null,
            "application/problem+json",
            cancellationToken);
    }
}
