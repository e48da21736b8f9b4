using System.Globalization;
using System.Threading.RateLimiting;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace InternalSocial.Users.Services;

/// <summary>
/// Photo uploads: a fixed window of one minute per person (else per address), at the host's
/// <see cref="InternalSocialOptions.UploadsPerMinute"/>. Every upload is decoded, so it costs memory and time whoever
/// sends it, a guest included; the excess gets 429 with <c>Retry-After</c> in seconds, and nothing is read.
/// </summary>
internal sealed class UploadRateLimitPolicy(IOptions<InternalSocialOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "uploads";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, cancellationToken) =>
    {
        var T = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ModuleResources>>();
        return RateLimitRejection.WriteAsync(context, seconds => (T["Too many uploads."], T["At most {0} photos a minute; try again in {1} seconds.", options.Value.UploadsPerMinute, seconds]), cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var who = httpContext.User.FindUserId() ?? httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = Math.Max(1, options.Value.UploadsPerMinute);
        return RateLimitPartition.GetFixedWindowLimiter(
            who,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
