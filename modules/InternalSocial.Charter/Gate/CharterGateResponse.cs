using InternalSocial.Charter.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.Gate;

/// <summary>What a person who has not accepted their charter gets: pages lead to the charter, everything else is refused with a problem naming it.</summary>
internal static class CharterGateResponse
{
    public const string ProblemType = "https://internalsocial.dev/problems/charter-not-accepted";
    public const string PagePath = "/charter";
    public const string AcceptPath = "/api/v1/charter/accept";

    public static Task WriteAsync(HttpContext context, AudienceGate gate)
    {
        var request = context.Request;
        if (GateExemptions.IsPage(request))
        {
            var returnUrl = request.PathBase + request.Path + request.QueryString;
            context.Response.Redirect($"{request.PathBase}{PagePath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }

        var T = context.RequestServices.GetRequiredService<IStringLocalizer<ModuleResources>>();
        return TypedResults.Problem(
            T["Accept version {0} of the charter first: read it at {1}.", gate.CurrentNumber, request.PathBase + PagePath],
            statusCode: StatusCodes.Status403Forbidden,
            title: T["The charter has not been accepted."],
            type: ProblemType,
            extensions: new Dictionary<string, object?>
            {
                ["acceptUrl"] = request.PathBase + AcceptPath,
                ["charterUrl"] = request.PathBase + PagePath,
                ["audience"] = gate.Audience,
                ["version"] = gate.CurrentNumber,
            }).ExecuteAsync(context);
    }
}
