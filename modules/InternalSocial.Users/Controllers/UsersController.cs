using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Accounts;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Controllers;

/// <param name="Csv">The previewed file, posted again to apply it.</param>
internal sealed record ImportViewModel(ImportReport? Report, string? Csv, string? Error);

internal sealed record UsersViewModel(UserPage Page, string? Query, IReadOnlyList<string> Roles, bool CanManageRoles);

internal sealed record RegistrationViewModel(InternalSocial.Users.Models.RegistrationSettings Settings, IReadOnlyList<InvitationSummary> Invitations, bool MailAvailable, IReadOnlyDictionary<string, string> Errors);

/// <summary>People in the administration: find, create, give roles.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Route("admin/users")]
[RequirePermission("Users.ManageUsers")]
internal sealed class UsersController(
    UsersAdminService users,
    PeopleImportService import,
    RegistrationService registration,
    AccountService accounts,
    AccountMails mails,
    RolePermissions rolePermissions,
    Microsoft.AspNetCore.Authorization.IAuthorizationService authorization,
    IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? cursor, CancellationToken cancellationToken) =>
        View(new UsersViewModel(
            await users.ListAsync(User, q, cursor, cancellationToken),
            q,
            [.. (await rolePermissions.ListRolesAsync(cancellationToken)).Select(r => r.Name)],
            await authorization.HasPermissionAsync(User, Permissions.ManageRoles)));

    [HttpPost("")]
    [RedirectOnError("~/admin/users", typeof(InvalidInputException), typeof(ConflictException), typeof(NotFoundException), typeof(PermissionDeniedException))]
    public async Task<IActionResult> Create(string? userName, string? email, string? displayName, string? password, string[]? roles, CancellationToken cancellationToken) =>
        await TryAsync(async () =>
        {
            var created = await users.CreateAsync(User, userName, email, displayName, password, roles, cancellationToken);
            return T["Account '{0}' created.", created.UserName].Value;
        });

    [HttpPost("{id}/roles")]
    [RedirectOnError("~/admin/users", typeof(InvalidInputException), typeof(ConflictException), typeof(NotFoundException), typeof(PermissionDeniedException))]
    public async Task<IActionResult> Roles(string id, string[]? roles, CancellationToken cancellationToken) =>
        await TryAsync(async () =>
        {
            await users.SetRolesAsync(User, id, roles, cancellationToken);
            return T["Roles saved."].Value;
        });

    [HttpPost("{id}/password-mail")]
    [RedirectOnError("~/admin/users", typeof(InvalidInputException), typeof(ConflictException), typeof(NotFoundException), typeof(PermissionDeniedException))]
    public async Task<IActionResult> PasswordMail(string id, CancellationToken cancellationToken) =>
        await TryAsync(async () =>
        {
            await accounts.SendSetPasswordMailAsync(User, id, cancellationToken);
            return T["A link to choose a password is sent."].Value;
        });

    [HttpPost("{id}/two-factor/reset")]
    [RedirectOnError("~/admin/users", typeof(InvalidInputException), typeof(ConflictException), typeof(NotFoundException), typeof(PermissionDeniedException))]
    public async Task<IActionResult> ResetTwoFactor(string id, CancellationToken cancellationToken) =>
        await TryAsync(async () =>
        {
            await accounts.ResetTwoFactorAsync(User, id, cancellationToken);
            return T["Two-factor sign-in is off for this person; their sessions are signed out."].Value;
        });

    [HttpGet("registration")]
    public async Task<IActionResult> Registration(CancellationToken cancellationToken) =>
        View(await RegistrationModelAsync(null, new Dictionary<string, string>(), cancellationToken));

    [HttpPost("registration")]
    public async Task<IActionResult> Registration(string? policy, string? allowedDomains, CancellationToken cancellationToken)
    {
        var domains = (allowedDomains ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            await registration.SaveAsync(User, policy, domains, cancellationToken);
            TempData["Message"] = T["The registration policy is saved."].Value;
            return RedirectToAction(nameof(Registration));
        }
        catch (InvalidInputException invalid)
        {
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            var posted = new InternalSocial.Users.Models.RegistrationSettings { AllowedDomains = [.. domains] };
            if (Enum.TryParse<InternalSocial.Users.Models.RegistrationPolicy>(policy, out var parsed))
            {
                posted.Policy = parsed;
            }

            return View(await RegistrationModelAsync(posted, invalid.Errors, cancellationToken));
        }
    }

    [HttpPost("invitations")]
    [RedirectOnError("~/admin/users/registration", typeof(InvalidInputException), typeof(ConflictException))]
    public async Task<IActionResult> Invite(string? email, CancellationToken cancellationToken)
    {
        var invitation = await registration.InviteAsync(User, email, cancellationToken);
        TempData["Message"] = T["{0} is invited.", invitation.Email].Value;

        return RedirectToAction(nameof(Registration));
    }

    [HttpGet("import")]
    public IActionResult Import() => View(new ImportViewModel(null, null, null));

    /// <summary>Preview (a dry run of the uploaded file), then apply (the same text, posted back).</summary>
    [HttpPost("import")]
    [RequestSizeLimit(30_000_000)]
    [RequestFormLimits(ValueLengthLimit = 30_000_000, MultipartBodyLengthLimit = 30_000_000)]
    public async Task<IActionResult> Import(Microsoft.AspNetCore.Http.IFormFile? file, string? csv, bool apply, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            using var reader = new StreamReader(file.OpenReadStream());
            csv = await reader.ReadToEndAsync(cancellationToken);
        }

        if (string.IsNullOrEmpty(csv))
        {
            return View(new ImportViewModel(null, null, T["Choose a CSV file."]));
        }

        try
        {
            var report = await import.ImportAsync(User, new StringReader(csv), dryRun: !apply, cancellationToken);
            return View(new ImportViewModel(report, apply ? null : csv, null));
        }
        catch (InvalidInputException invalid)
        {
            return View(new ImportViewModel(null, null, string.Join(" ", invalid.Errors.Values)));
        }
    }

    private async Task<RegistrationViewModel> RegistrationModelAsync(InternalSocial.Users.Models.RegistrationSettings? posted, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken) =>
        new(posted ?? await registration.GetAsync(User, cancellationToken), await registration.ListInvitationsAsync(User, cancellationToken), mails.IsAvailable, errors);

    private async Task<IActionResult> TryAsync(Func<Task<string>> action)
    {
        TempData["Message"] = await action();
        return RedirectToAction(nameof(Index));
    }
}
