using System.Security.Claims;
using System.Text.RegularExpressions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>
/// Roles and their permissions, for those allowed to manage them. Checks the permission on every call, and lets
/// nobody add to a role a permission they do not hold themselves.
/// </summary>
internal sealed partial class RolesAdminService(
    RolePermissions rolePermissions,
    PermissionCatalog permissions,
    IAuthorizationService authorization,
    AccountPrivilege privilege,
    IStringLocalizer<ModuleResources> T)
{
    public static bool IsValidRoleName(string? name) => name is not null && RoleNamePattern().IsMatch(name);

    public IReadOnlyCollection<Permission> Permissions => permissions.All;

    public async Task<IReadOnlyList<RolePermissions.RoleSummary>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Users.Permissions.ManageRoles);
        return await rolePermissions.ListRolesAsync(cancellationToken);
    }

    /// <summary>Creates or updates a role with exactly these permissions.</summary>
    /// <exception cref="InvalidInputException">A bad name or an unknown permission; nothing is saved then.</exception>
    public async Task SaveAsync(ClaimsPrincipal user, string? roleName, string? description, IReadOnlyCollection<string>? permissionNames, CancellationToken cancellationToken)
    {
        await CheckAsync(user, roleName, description, permissionNames, cancellationToken);
        await rolePermissions.UpsertRoleAsync(roleName!, description, [.. (permissionNames ?? []).Distinct().Select(p => permissions.Find(p)!)], "replace");
    }

    /// <summary>Gives each role exactly its permissions (the roles page's table): every role is checked before any is saved.</summary>
    public async Task SaveAllAsync(ClaimsPrincipal user, IReadOnlyDictionary<string, IReadOnlyCollection<string>> permissionsByRole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permissionsByRole);
        foreach (var (role, names) in permissionsByRole)
        {
            await CheckAsync(user, role, description: null, names, cancellationToken);
        }

        foreach (var (role, names) in permissionsByRole)
        {
            await rolePermissions.UpsertRoleAsync(role, description: null, [.. names.Distinct().Select(p => permissions.Find(p)!)], "replace");
        }
    }

    private async Task CheckAsync(ClaimsPrincipal user, string? roleName, string? description, IReadOnlyCollection<string>? permissionNames, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Users.Permissions.ManageRoles);
        var errors = new Dictionary<string, string>();
        if (!IsValidRoleName(roleName))
        {
            errors["name"] = T["A role name has 2 to 50 letters, digits, spaces, '-' or '_', and starts with a letter."];
        }
        else if (string.Equals(roleName, BuiltInRoles.Administrator, StringComparison.OrdinalIgnoreCase))
        {
            errors["name"] = T["The Administrator role holds every permission; it cannot be changed."];
        }

        if (description?.Length > 500)
        {
            errors["description"] = T["The description must be at most 500 characters."];
        }

        var unknown = (permissionNames ?? []).Where(p => permissions.Find(p) is null).ToList();
        if (unknown.Count > 0)
        {
            errors["permissions"] = T["Unknown permissions: {0}.", string.Join(", ", unknown)];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var held = (await rolePermissions.GetGrantsAsync(cancellationToken)).GetValueOrDefault(roleName!) ?? [];
        await privilege.EnsureHoldsAsync(user, (permissionNames ?? []).Where(p => !held.Contains(p)), cancellationToken);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9 _-]{1,49}$")]
    private static partial Regex RoleNamePattern();
}
