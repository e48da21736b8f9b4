using System.Globalization;
using System.Threading.RateLimiting;
using InternalSocial.Feed.Caching;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>
/// Writing posts, comments, relays and uploads: a fixed window of one minute per person, at the tenant's
/// <see cref="FeedSettings.PostsPerMinute"/> (else the host's default). The limit is part of the partition key, so a
/// changed setting applies from the next request. The excess gets 429 with <c>Retry-After</c> in seconds.
/// </summary>
internal sealed class FeedPostingRateLimitPolicy : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, cancellationToken) =>
    {
        var T = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ModuleResources>>();
        return RateLimitRejection.WriteAsync(context, seconds => (T["You are writing too fast."], T["Try again in {0} seconds.", seconds]), cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var services = httpContext.RequestServices;
        var settings = services.GetRequiredService<FeedSettingsCache>().Value;
        var defaults = services.GetRequiredService<FeedDefaults>();
        var limit = settings?.PostsPerMinute ?? defaults.PostsPerMinute;
        var who = httpContext.User.FindUserId() ?? httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(
            who + "|" + limit.ToString(CultureInfo.InvariantCulture),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
