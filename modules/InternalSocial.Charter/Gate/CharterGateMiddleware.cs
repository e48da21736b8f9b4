using InternalSocial.Charter.Services;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Charter.Gate;

/// <summary>
/// Stops every signed-in request (cookie or token) of a person who has not accepted their charter, except what
/// <see cref="GateExemptions"/> lets through. Anonymous requests pass: authentication refuses them where it must.
/// </summary>
internal static class CharterGateMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (await GateOfAsync(context) is { } gate)
        {
            await CharterGateResponse.WriteAsync(context, gate);
            return;
        }

        await next(context);
    }

    /// <summary>The gate this request stands before, or null when it may go on.</summary>
    public static async Task<AudienceGate?> GateOfAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true
            || GateExemptions.IsExempt(context.Request.Path)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return null;
        }

        return await context.RequestServices.GetRequiredService<CharterGateCheck>().GateAsync(context.User, context.RequestAborted);
    }
}
