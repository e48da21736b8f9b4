using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Controllers;

internal sealed record RolesViewModel(IReadOnlyList<RolePermissions.RoleSummary> Roles, IReadOnlyCollection<Permission> Permissions);

/// <summary>The role × permission matrix of the administration.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Route("admin/roles")]
[RequirePermission("Users.ManageRoles")]
internal sealed class RolesController(RolesAdminService roles, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new RolesViewModel(await roles.ListAsync(User, cancellationToken), roles.Permissions));

    /// <summary>Saves the whole matrix: each checked box is "role|permission".</summary>
    [HttpPost("")]
    [RedirectOnError("~/admin/roles", typeof(InvalidInputException), typeof(PermissionDeniedException))]
    public async Task<IActionResult> Save(string[]? grants, CancellationToken cancellationToken)
    {
        var checkedByRole = (grants ?? [])
            .Select(g => g.Split('|', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], parts => parts[1], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        // All roles or none: a refused permission on one role leaves the others as they were too.
        var table = (await roles.ListAsync(User, cancellationToken)).Where(r => r.Name != BuiltInRoles.Administrator)
            .ToDictionary(r => r.Name, r => (IReadOnlyCollection<string>)(checkedByRole.GetValueOrDefault(r.Name) ?? []), StringComparer.OrdinalIgnoreCase);
        await roles.SaveAllAsync(User, table, cancellationToken);

        TempData["Message"] = T["Permissions saved."].Value;

        return RedirectToAction(nameof(Index));
    }

    [HttpPost("new")]
    [RedirectOnError("~/admin/roles", typeof(InvalidInputException))]
    public async Task<IActionResult> Create(string? name, string? description, CancellationToken cancellationToken)
    {
        await roles.SaveAsync(User, name?.Trim(), description?.Trim() ?? "", [], cancellationToken);
        TempData["Message"] = T["Role '{0}' saved. Give it permissions in the table.", name!.Trim()].Value;

        return RedirectToAction(nameof(Index));
    }
}
