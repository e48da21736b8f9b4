using System.Globalization;
using System.Security.Claims;
using System.Text;
using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;
using InternalSocial.Kernel;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.Endpoints;

/// <summary><c>/api/v1/charter</c>: one's charter, accepting or declining it, versions, acceptances. No route edits or deletes an acceptance.</summary>
internal static class CharterApi
{
    public const string AcceptPath = "/api/v1/charter/accept";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("charter", "Charter").RequireAuthorization();
        api.MapGet("", GetMine).WithSummary("The current charter of the caller's audience (employees or guests), in the asked language or English, and whether they accepted it. 204 when none is published.");
        api.MapPost("/accept", Accept).WithSummary("Accept a version of one's charter. 409 when it is not the current version of the caller's audience.");
        api.MapPost("/decline", Decline).WithSummary("Decline one's charter: a cookie session is ended on the server and signed out; a token keeps being refused until the charter is accepted.");
        api.MapGet("/versions", ListVersions).WithSummary("An audience's versions, newest first, with the number of acceptances of each (Charter.Manage; others see their own audience's).");
        api.MapGet("/versions/{audience}/{number:int}", GetVersion).WithSummary("A version's texts per language (readers of that audience, Charter.Manage).");
        api.MapPost("/versions", Publish).WithSummary("Publish a new version of an audience's charter, texts in en and fr at least; material: everyone must accept again (Charter.Manage). 400 naming each invalid field.");
        api.MapGet("/acceptances", ListAcceptances).WithSummary("Who accepted a version (status=accepted) or has not yet (status=pending), 50 a page after the previous page's next cursor (Charter.Manage).");
        api.MapGet("/acceptances.csv", ExportAcceptances).WithSummary("The same list as CSV; formula cells are escaped (Charter.Manage).");
        api.MapGet("/settings", GetSettings).WithSummary("Which audiences the usage charter gates, the grace period after a material change and whether the editorial charter starts open (Charter.Manage).");
        api.MapPut("/settings", SaveSettings).WithSummary("Changes the charter's settings; a field left out keeps its value (Charter.Manage). 400 naming the field, such as graceDays (0 to 30).");
        api.MapPost("/reminders", Remind).WithSummary("Notify everyone of an audience who has not accepted its current version (Charter.Manage). Answers how many were reminded.");
    }

    public static async Task<Results<Ok<CharterForMe>, NoContent>> GetMine(string? language, ClaimsPrincipal user, CharterService charter, CancellationToken cancellationToken)
    {
        var mine = await charter.GetForMeAsync(user, language ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        return mine is null ? TypedResults.NoContent() : TypedResults.Ok(mine);
    }

    public static async Task<NoContent> Accept(AcceptRequest? request, ClaimsPrincipal user, CharterService charter, IStringLocalizer<ModuleResources> T, CancellationToken cancellationToken)
    {
        var body = request ?? throw InvalidInputException.BodyRequired("{version, language}");
        var version = body.Version ?? throw new InvalidInputException("version", T["The version is required."]);
        await charter.AcceptAsync(user, version, body.Language ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, AcceptanceMethods.Api, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> Decline(HttpContext context, CharterService charter, IPersonSignOut signOut, CancellationToken cancellationToken)
    {
        await charter.DeclineAsync(context.User, cancellationToken);
        await signOut.SignOutAsync(context, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<CharterVersionSummary>>> ListVersions(string? audience, ClaimsPrincipal user, CharterService charter, CancellationToken cancellationToken) =>
        TypedResults.Ok(await charter.VersionsAsync(user, audience ?? CharterAudiences.Employees, cancellationToken));

    public static async Task<Ok<CharterVersionDetail>> GetVersion(string audience, int number, ClaimsPrincipal user, CharterService charter, CancellationToken cancellationToken) =>
        TypedResults.Ok(await charter.VersionAsync(user, audience, number, cancellationToken));

    public static async Task<Created<PublishedVersion>> Publish(PublishRequest? request, ClaimsPrincipal user, CharterService charter, CancellationToken cancellationToken)
    {
        var body = request ?? throw InvalidInputException.BodyRequired("{audience, texts: {en, fr}, material}");
        var audience = body.Audience ?? "";
        var number = await charter.PublishAsync(user, new CharterPublishInput(audience, body.Texts ?? [], body.Material ?? true), cancellationToken);
        return TypedResults.Created($"/api/v1/charter/versions/{audience}/{number}", new PublishedVersion(audience, number));
    }

    public static async Task<Ok<AcceptancePage>> ListAcceptances(string? audience, int? version, string? status, string? after, ClaimsPrincipal user, CharterService charter, CancellationToken cancellationToken) =>
        TypedResults.Ok(await charter.AcceptancesAsync(user, audience ?? CharterAudiences.Employees, version ?? 0, status ?? "accepted", after, 50, cancellationToken));

    public static async Task<FileContentHttpResult> ExportAcceptances(string? audience, int? version, string? status, ClaimsPrincipal user, CharterService charter, CancellationToken cancellationToken)
    {
        var csv = await charter.AcceptancesCsvAsync(user, audience ?? CharterAudiences.Employees, version ?? 0, status ?? "accepted", cancellationToken);
        return TypedResults.File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.Content)).ToArray(), "text/csv; charset=utf-8", csv.FileName);
    }

    public static async Task<Ok<CharterSettings>> GetSettings(ClaimsPrincipal user, CharterSettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.ViewAsync(user, cancellationToken));

    public static async Task<Ok<CharterSettings>> SaveSettings(CharterSettingsInput? request, ClaimsPrincipal user, CharterSettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.SaveAsync(user, request ?? throw InvalidInputException.BodyRequired("{gateEmployees, gateGuests, graceDays, editorialExpanded}"), cancellationToken));

    public static async Task<Ok<RemindedPeople>> Remind(RemindRequest? request, ClaimsPrincipal user, CharterService charter, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RemindedPeople(await charter.RemindPendingAsync(user, request?.Audience ?? CharterAudiences.Employees, cancellationToken)));
}
