using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Shells;

/// <summary>
/// The host's last middleware: finds the request's tenant, moves its URL prefix into PathBase, counts the request
/// into the tenant's shell and runs the shell's pipeline in a request scope of the shell's container.
/// </summary>
public sealed class TenantRoutingMiddleware(RequestDelegate next, ShellHost shellHost)
{
    private const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = shellHost.Match(context.Request.Host, context.Request.Path);
        if (settings is null || settings.State == TenantState.Disabled)
        {
            await next(context);
            return;
        }

        if (settings.State == TenantState.Initializing)
        {
            await WriteInitializingAsync(context);
            return;
        }

        MovePrefixToPathBase(context.Request, settings);

        ShellContext shell;
        try
        {
            do
            {
                shell = await shellHost.GetOrCreateShellAsync(settings.Name, context.RequestAborted);
            }
            while (!shell.TryAcquire());
        }
        catch (TenantUnavailableException unavailable) when (unavailable.Settings.State == TenantState.Initializing)
        {
            await WriteInitializingAsync(context);
            return;
        }

        await RunInShellAsync(context, shell);
    }

    private static void MovePrefixToPathBase(HttpRequest request, ShellSettings settings)
    {
        if (settings.RequestUrlPrefix.Length > 0
            && request.Path.StartsWithSegments("/" + settings.RequestUrlPrefix, StringComparison.OrdinalIgnoreCase, out var matched, out var remaining))
        {
            request.PathBase = request.PathBase.Add(matched);
            request.Path = remaining;
        }
    }

    /// <summary>Runs the shell's pipeline in a request scope of its container; the request counted into the shell ends here.</summary>
    private static async Task RunInShellAsync(HttpContext context, ShellContext shell)
    {
        var hostServices = context.RequestServices;
        try
        {
            await using var scope = shell.Services.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            // Services such as Identity's SignInManager find the request through the tenant's accessor.
            if (scope.ServiceProvider.GetService<IHttpContextAccessor>() is { } accessor)
            {
                accessor.HttpContext = context;
            }

            await shell.Pipeline(context);
        }
        finally
        {
            context.RequestServices = hostServices;
            shell.EndRequest();
        }
    }

    private static Task WriteInitializingAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.Response.WriteAsJsonAsync(
            new { title = "This organisation is being set up.", status = 503, detail = $"Try again in {RetryAfterSeconds} seconds." },
            options: null,
            contentType: "application/problem+json");
    }
}
