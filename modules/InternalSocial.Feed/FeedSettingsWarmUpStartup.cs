using InternalSocial.Feed.Caching;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed;

/// <summary>
/// Reads the feed's settings into the shell's cache before the rate limiter (the kernel's middleware, after the modules') runs, so
/// that the limiter, which cannot wait for the database, finds the tenant's limit: one read a minute per shell.
/// </summary>
internal sealed class FeedSettingsWarmUpStartup : ModuleStartup
{
    public override int Order => -100;

    public override void ConfigureMiddleware(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetRequiredService<FeedSettingsCache>().Value is null)
            {
                await context.RequestServices.GetRequiredService<FeedSettingsService>().GetAsync(context.RequestAborted);
            }

            await next(context);
        });
}
