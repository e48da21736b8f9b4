using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace InternalSocial.Charter.Gate;

/// <summary>
/// Authorization runs before the modules' middleware: where it refuses a signed-in person who has not accepted their
/// charter (a page for managers, say), they are sent to the charter like everywhere else rather than to "access denied".
/// </summary>
internal sealed class CharterAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && await CharterGateMiddleware.GateOfAsync(context) is { } gate)
        {
            await CharterGateResponse.WriteAsync(context, gate);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
