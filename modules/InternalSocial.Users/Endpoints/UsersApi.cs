using System.Security.Claims;
using System.Text;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Users.Endpoints;

internal sealed record CreateUserRequest(string? UserName, string? Email, string? DisplayName, string? Password, List<string>? Roles);

internal sealed record UserRolesRequest(List<string>? Roles);

internal sealed record GuestExpiryRequest(DateTime? ExpiresUtc);

internal sealed record ProfileRequest(
    string? DisplayName,
    string? Email,
    string? JobTitle,
    string? Department,
    string? Site,
    string? Phone,
    string? ManagerId,
    string? About,
    List<string>? Skills,
    List<string>? Languages,
    List<string>? Interests,
    string? PreferredLanguage,
    List<string>? HiddenFields,
    Dictionary<string, string?>? CustomFields,
    string? TimeZoneId = null)
{
    public ProfileUpdate ToUpdate() => new(DisplayName, Email, JobTitle, Department, Site, Phone, ManagerId, About, Skills, Languages, Interests, PreferredLanguage, HiddenFields, CustomFields, TimeZoneId);
}

/// <summary>
/// <c>/api/v1/users</c>: the directory and profiles for employees; account administration (create, roles, import,
/// deactivate, erase) for those holding the permissions.
/// </summary>
internal static class UsersApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapApiGroup("users", "Users").RequireAuthorization();
        users.MapGet("", ListPeople).WithSummary("The directory: active people by name prefix (q), department, site, skill and language, 50 a page in name order; pass nextCursor for the next page. People administrators without filters get the administration list (e-mail, roles).");
        users.MapPost("", CreatePerson)
            .RequirePermission(Permissions.ManageUsers)
            .WithSummary("Create an account (an Employee unless roles are given). 409 when the user name or e-mail is taken.");
        users.MapPut("/{id}/roles", SetPersonRoles)
            .RequirePermission(Permissions.ManageUsers)
            .WithSummary("Give a person exactly these roles (needs Users.ManageRoles; only Administrators grant Administrator).");

        users.MapGet("/me/export", ExportMyData).WithSummary("Everything held about the signed-in person: a ZIP with profile.json and one JSON file per module (posts, comments…).");
        users.MapPatch("/me", UpdateMyProfile).WithSummary("Change one's own profile; absent fields stay, empty ones are cleared. 400 names each bad field, 409 when the e-mail is taken.");
        users.MapPut("/me/photo", SetMyPhoto)
            .DisableAntiforgery()
            .RequireRateLimiting(UploadRateLimitPolicy.Name)
            .WithSummary("A new photo (multipart field 'photo', or the image as the body): PNG, JPEG, WebP or GIF up to 5 MB and 40 megapixels, re-encoded at 512 and 96 px. 429 past the uploads a minute.");
        users.MapGet("/{id}", GetProfile).WithSummary("A profile, as the caller may see it (404 when they may not).");
        users.MapPatch("/{id}", UpdateProfile).WithSummary("Change a person's profile (oneself, or anyone with Users.ManageUsers).");
        users.MapGet("/{id}/photo", GetPhoto).WithSummary("A person's photo (WebP, 512 px; size=96 for the small one).");
        users.MapGet("/{id}/reports", ListReports).WithSummary("A person's direct reports, in name order (the org chart goes down one level per call).");
        users.MapPut("/{id}/skills/{skill}/endorsement", EndorseSkill).WithSummary("Endorse a colleague's skill.");
        users.MapDelete("/{id}/skills/{skill}/endorsement", WithdrawEndorsement).WithSummary("Withdraw one's endorsement of a colleague's skill.");

        users.MapPost("/import", ImportPeople)
            .RequirePermission(Permissions.ManageUsers)
            .DisableAntiforgery()
            .WithSummary("Create or update people from CSV (text/csv body, or multipart field 'file'), keyed by e-mail; dryRun=true checks without writing. Columns: email, userName, displayName, jobTitle, department, site, manager (e-mail), skills and languages (';'-separated).");
        users.MapPost("/{id}/deactivate", DeactivatePerson).WithSummary("A departing employee: no more sign-in, content stays, shown as a former employee.");
        users.MapPost("/{id}/reactivate", ReactivatePerson).WithSummary("Let a deactivated person sign in again.");
        users.MapPost("/{id}/erase", ErasePerson).WithSummary("Erase a person's personal data for good (Users.ErasePeople); their content is anonymized by each module.");
        users.MapPut("/{id}/guest", SetGuestExpiry).WithSummary("Set the date after which a guest can no longer sign in (null: no end).");
        users.MapGet("/{id}/audit", GetPersonAudit).WithSummary("Who deactivated, reactivated or erased this person, and when.");
    }

    public static async Task<IResult> ListPeople(string? q, string? department, string? site, string? skill, string? language, string? cursor, ClaimsPrincipal user, IAuthorizationService authorization, UsersAdminService admin, DirectoryService directory, HttpContext context, CancellationToken cancellationToken)
    {
        var query = new DirectoryQuery(q, department, site, skill, language, cursor);
        // People administrators keep their projection (e-mail, roles, lock state, search inside names and e-mails)
        // unless they filter like the directory.
        if (!query.HasFilters && await authorization.HasPermissionAsync(user, Permissions.ManageUsers))
        {
            return Results.Ok(await admin.ListAsync(user, q, cursor, cancellationToken));
        }

        var page = await directory.SearchAsync(user, query, cancellationToken);
        return Results.Ok(page with { Users = [.. page.Users.Select(u => u with { PhotoUrl = Absolute(context, u.PhotoUrl) })] });
    }

    public static async Task<Created<UserSummary>> CreatePerson(CreateUserRequest? request, ClaimsPrincipal user, UsersAdminService service, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw InvalidInputException.BodyRequired("{userName, email, displayName, password, roles}");
        }

        var created = await service.CreateAsync(user, request.UserName, request.Email, request.DisplayName, request.Password, request.Roles, cancellationToken);
        return TypedResults.Created($"/api/v1/users/{created.Id}", created);
    }

    public static async Task<NoContent> SetPersonRoles(string id, UserRolesRequest? request, ClaimsPrincipal user, UsersAdminService service, CancellationToken cancellationToken)
    {
        await service.SetRolesAsync(user, id, request?.Roles, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<FileContentHttpResult> ExportMyData(ClaimsPrincipal user, PersonalDataService data, CancellationToken cancellationToken) =>
        TypedResults.File(await data.ExportAsync(user, cancellationToken), "application/zip", "personal-data.zip");

    public static async Task<IResult> UpdateMyProfile(ProfileRequest? request, ClaimsPrincipal user, ProfileEditor editor, ProfileService profiles, HttpContext context, CancellationToken cancellationToken) =>
        await PatchAsync(user.FindUserId()!, request, user, editor, profiles, context, cancellationToken);

    public static async Task<NoContent> SetMyPhoto(HttpRequest request, ClaimsPrincipal user, ProfilePhotos photos, CancellationToken cancellationToken)
    {
        await photos.SetPhotoAsync(user, user.FindUserId()!, await PhotoStreamAsync(request, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ProfileView>> GetProfile(string id, ClaimsPrincipal user, ProfileService profiles, HttpContext context, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetByIdAsync(user, id, cancellationToken);
        return TypedResults.Ok(profile with { PhotoUrl = Absolute(context, profile.PhotoUrl), Manager = profile.Manager is { } m ? m with { PhotoUrl = Absolute(context, m.PhotoUrl) } : null });
    }

    public static async Task<IResult> UpdateProfile(string id, ProfileRequest? request, ClaimsPrincipal user, ProfileEditor editor, ProfileService profiles, HttpContext context, CancellationToken cancellationToken) =>
        await PatchAsync(id, request, user, editor, profiles, context, cancellationToken);

    public static async Task<IResult> GetPhoto(string id, string? size, ClaimsPrincipal user, ProfilePhotos photos, HttpContext context, CancellationToken cancellationToken) =>
        await photos.OpenPhotoAsync(user, id, size != "96", cancellationToken) is { } photo
            ? FileResponses.Serve(context, photo, NormalizedImage.ContentType, "photo.webp")
            : Results.NotFound();

    public static async Task<Ok<IEnumerable<DirectoryEntry>>> ListReports(string id, ClaimsPrincipal user, DirectoryService directory, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok((await directory.ReportsAsync(user, id, cancellationToken)).Select(u => u with { PhotoUrl = Absolute(context, u.PhotoUrl) }));

    public static async Task<NoContent> EndorseSkill(string id, string skill, ClaimsPrincipal user, ProfileService profiles, CancellationToken cancellationToken)
    {
        await profiles.EndorseAsync(user, id, skill, endorse: true, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> WithdrawEndorsement(string id, string skill, ClaimsPrincipal user, ProfileService profiles, CancellationToken cancellationToken)
    {
        await profiles.EndorseAsync(user, id, skill, endorse: false, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ImportReport>> ImportPeople(bool? dryRun, HttpRequest request, ClaimsPrincipal user, PeopleImportService import, CancellationToken cancellationToken)
    {
        using var reader = await CsvReaderAsync(request, cancellationToken);
        return TypedResults.Ok(await import.ImportAsync(user, reader, dryRun == true, cancellationToken));
    }

    public static async Task<NoContent> DeactivatePerson(string id, ClaimsPrincipal user, PersonalDataService data, CancellationToken cancellationToken)
    {
        await data.DeactivateAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ReactivatePerson(string id, ClaimsPrincipal user, PersonalDataService data, CancellationToken cancellationToken)
    {
        await data.ReactivateAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ErasePerson(string id, ClaimsPrincipal user, PersonalDataService data, CancellationToken cancellationToken)
    {
        await data.EraseAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SetGuestExpiry(string id, GuestExpiryRequest? request, ClaimsPrincipal user, PersonalDataService data, CancellationToken cancellationToken)
    {
        await data.SetGuestExpiryAsync(user, id, request?.ExpiresUtc, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<PeopleAuditEntry>>> GetPersonAudit(string id, ClaimsPrincipal user, PersonalDataService data, CancellationToken cancellationToken) =>
        TypedResults.Ok(await data.AuditAsync(user, id, cancellationToken));

    /// <summary><c>/api/v1/profile-fields</c>: the custom fields, read by everyone signed in, defined by people administrators.</summary>
    public static void MapProfileFields(IEndpointRouteBuilder endpoints)
    {
        var fields = endpoints.MapApiGroup("profile-fields", "Users").RequireAuthorization();
        fields.MapGet("", async (ProfileFieldsService service, CancellationToken cancellationToken) => TypedResults.Ok(await service.ListAsync(cancellationToken)))
            .WithSummary("The custom profile fields.");
        fields.MapPut("/{id}", async (string id, ProfileFieldInput? input, ClaimsPrincipal user, ProfileFieldsService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.UpsertAsync(user, id, input ?? new ProfileFieldInput(null, null, null, null, null), cancellationToken)))
            .WithSummary("Create or change a custom field: label, kind (text, choice, date, link), choices, visibility (everyone, employees, private).");
        fields.MapDelete("/{id}", async (string id, ClaimsPrincipal user, ProfileFieldsService service, CancellationToken cancellationToken) =>
            {
                await service.DeleteAsync(user, id, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a custom field and its values.");
    }

    private static async Task<IResult> PatchAsync(string id, ProfileRequest? request, ClaimsPrincipal user, ProfileEditor editor, ProfileService profiles, HttpContext context, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw InvalidInputException.ChangesRequired();
        }

        var saved = await editor.UpdateAsync(user, id, request.ToUpdate(), cancellationToken);
        if (saved.Id == user.FindUserId() && saved.PreferredLanguage is { } language)
        {
            TenantLocalization.RememberCulture(context.Response, language, context.Request.PathBase);
        }

        var profile = await profiles.GetByIdAsync(user, id, cancellationToken);
        return Results.Ok(profile with { PhotoUrl = Absolute(context, profile.PhotoUrl) });
    }

    private static string? Absolute(HttpContext context, string? sitePath) =>
        sitePath is null ? null : context.Request.PathBase + sitePath[1..];

    private static async Task<Stream> PhotoStreamAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form.Files.GetFile("photo")?.OpenReadStream() ?? throw new InvalidInputException("photo", "Send the image in a multipart field named 'photo'.");
        }

        return request.Body;
    }

    private static async Task<TextReader> CsvReaderAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? throw new InvalidInputException("file", "Send the CSV in a multipart field named 'file'.");
            return new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        }

        // Read asynchronously first: the CSV reader reads synchronously, which the server forbids on the request body.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return new StringReader(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
