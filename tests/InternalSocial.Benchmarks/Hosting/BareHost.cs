using System.Threading.RateLimiting;
using InternalSocial.Benchmarks.Module;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks.Hosting;

/// <summary>The baselines: plain ASP.NET Core apps with the same endpoint, built as a developer would without the kernel.</summary>
public static class BareHost
{
    /// <summary><c>app.MapGet("/bench/ping", () =&gt; "ok")</c> and nothing else.</summary>
    public static Task<RunningApp> StartMinimalAsync(Transport transport) =>
        StartAsync(transport, builder => { }, app => PingStartup.MapPing(app));

    /// <summary>
    /// The same middleware a tenant shell runs (ShellContainerFactory.BuildPipeline plus the Users module's rate
    /// limiter and its cookie-or-token policy scheme) in a single plain app. The gap between this and the tenant
    /// shows what tenant routing itself costs; the gap between this and the minimal app is what the middleware
    /// costs and what any app with authentication would pay too.
    /// </summary>
    public static Task<RunningApp> StartWithTenantMiddlewareAsync(Transport transport) =>
        StartAsync(
            transport,
            builder =>
            {
                var services = builder.Services;
                services.AddProblemDetails();
                services.AddAntiforgery();
                services.AddAuthentication(options =>
                    {
                        options.DefaultScheme = "CookieOrToken";
                        options.DefaultChallengeScheme = "CookieOrToken";
                    })
                    // The benchmark sends no bearer token, so the tenant's selector always lands on the cookie as here.
                    .AddPolicyScheme("CookieOrToken", "Cookie or token", policy => policy.ForwardDefault = CookieAuthenticationDefaults.AuthenticationScheme)
                    .AddCookie();
                services.AddAuthorization();
                services.AddRateLimiter(limiter => limiter.AddPolicy("auth", context => RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
            },
            app =>
            {
                app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = context => Results.Problem().ExecuteAsync(context) });
                app.UseStatusCodePages();
                app.UseStaticFiles();
                app.UseRouting();
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseAntiforgery();
                app.UseRateLimiter();
                PingStartup.MapPing(app);
            });

    private static async Task<RunningApp> StartAsync(Transport transport, Action<WebApplicationBuilder> configureServices, Action<WebApplication> configureApp)
    {
        var contentRoot = ContentRoot.Create();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = contentRoot });
        // The same log level as the kernel's quiet host: both pay for the same IsEnabled checks and neither writes per request.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        transport.Apply(builder);
        configureServices(builder);
        var app = builder.Build();
        configureApp(app);
        await app.StartAsync();
        var running = new RunningApp(app, transport.CreateClient(app), contentRoot);
        await running.GetAsync(PingStartup.Path);
        return running;
    }
}
