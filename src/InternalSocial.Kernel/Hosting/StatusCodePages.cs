using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InternalSocial.Kernel.Hosting;

/// <summary>
/// What a tenant answers when nothing wrote a body for an error status: the API a problem document, pages the
/// themed error page at <see cref="PagePath"/> (a module maps it; without one the body stays empty).
/// </summary>
public static class StatusCodePages
{
    /// <summary>The page re-executed for an error status, with the status in place of {0}.</summary>
    public const string PagePath = "/error/{0}";

    public static IApplicationBuilder UseTenantStatusCodePages(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api => api.UseStatusCodePages(context =>
            TypedResults.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext)));
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute(PagePath));
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
