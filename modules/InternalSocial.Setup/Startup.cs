using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace InternalSocial.Setup;

/// <summary>Runs only in uninitialized tenants: every page but the setup page and static files leads to setup.</summary>
internal sealed class Startup : ModuleStartup
{
    public override void ConfigureMiddleware(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // A 404 from the setup page re-executes the error page: it stays a 404 and does not reveal the setup form.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                return;
            }

            var path = context.Request.Path;
            if (path.StartsWithSegments("/setup", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await TypedResults.Problem("This organisation is not set up yet.", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
                return;
            }

            context.Response.Redirect(context.Request.PathBase + "/setup" + context.Request.QueryString);
        });
}
