using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Controllers;

/// <param name="Csv">The previewed file, posted again to apply it.</param>
public sealed record ImportViewModel(ImportReport? Report, string? Csv, string? Error);

public sealed record UsersViewModel(UserPage Page, string? Query, IReadOnlyList<string> Roles, bool CanManageRoles);

/// <summary>People in the administration: find, create, give roles.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Route("admin/users")]
[RequirePermission("Users.ManageUsers")]
public sealed class UsersController(
    UsersAdminService users,
    PeopleImportService import,
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
    public async Task<IActionResult> Create(string? userName, string? email, string? displayName, string? password, string[]? roles, CancellationToken cancellationToken) =>
        await TryAsync(async () =>
        {
            var created = await users.CreateAsync(User, userName, email, displayName, password, roles, cancellationToken);
            return T["Account '{0}' created.", created.UserName].Value;
        });

    [HttpPost("{id}/roles")]
    public async Task<IActionResult> Roles(string id, string[]? roles, CancellationToken cancellationToken) =>
        await TryAsync(async () =>
        {
            await users.SetRolesAsync(User, id, roles, cancellationToken);
            return T["Roles saved."].Value;
        });

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

    private async Task<IActionResult> TryAsync(Func<Task<string>> action)
    {
        try
        {
            TempData["Message"] = await action();
        }
        catch (InvalidInputException invalid)
        {
            TempData["Error"] = string.Join(" ", invalid.Errors.Values);
        }
        catch (Exception exception) when (exception is ConflictException or NotFoundException or PermissionDeniedException)
        {
            TempData["Error"] = exception.Message;
        }

        return RedirectToAction(nameof(Index));
    }
}
