using System.Security.Claims;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>
/// The one rule that keeps anyone from gaining more than they hold. A person changes another account (its e-mail,
/// profile, password mail, two-factor sign-in, standing, roles, guest expiry) only if they hold every permission that
/// account holds; they give a role only if they hold every permission of that role. Otherwise a people administrator
/// could take over an administrator's account and, through it, every right. An Administrator holds every permission,
/// those of features not turned on yet included, so only an Administrator changes an Administrator's account or makes
/// someone one. Acting on one's own account is left to each service's own rules.
/// </summary>
internal sealed class AccountPrivilege(
    UsersDbContext db,
    RolePermissions rolePermissions,
    PermissionCatalog catalog,
    IAuthorizationService authorization,
    IStringLocalizer<ModuleResources> T)
{
    /// <summary>Throws unless <paramref name="caller"/> may change the account <paramref name="userId"/> (always, for their own).</summary>
    /// <exception cref="PermissionDeniedException">The account holds a permission the caller does not; the problem names it.</exception>
    public async Task EnsureMayChangeAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.FindUserId() == userId)
        {
            return;
        }

        var roles = await (
            from userRole in db.UserRoles.AsNoTracking()
            join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
            where userRole.UserId == userId
            select role.Name!).ToListAsync(cancellationToken);
        switch (await FirstLackAsync(caller, roles, cancellationToken))
        {
            case (_, null):
                throw new PermissionDeniedException(Permissions.ManageRoles, T["This person is an administrator: only an administrator may change their account."]);
            case (_, { } permission):
                throw new PermissionDeniedException(Required(permission), T["This person holds the permission '{0}', which you do not hold: only someone holding every permission of an account may change it.", permission]);
        }
    }

    /// <summary>Throws unless <paramref name="caller"/> holds every permission of each of <paramref name="roleNames"/>.</summary>
    /// <exception cref="PermissionDeniedException">A role holds a permission the caller does not; the problem names both.</exception>
    public async Task EnsureMayGrantAsync(ClaimsPrincipal caller, IEnumerable<string> roleNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        switch (await FirstLackAsync(caller, roleNames, cancellationToken))
        {
            case (_, null):
                throw new PermissionDeniedException(Permissions.ManageRoles, T["Only an administrator may make someone an administrator."]);
            case ({ } role, { } permission):
                throw new PermissionDeniedException(Required(permission), T["The role '{0}' holds the permission '{1}', which you do not hold: you may give only roles whose every permission you hold.", role, permission]);
        }
    }

    /// <summary>Throws unless <paramref name="caller"/> holds each of <paramref name="permissionNames"/> (to add them to a role).</summary>
    public async Task EnsureHoldsAsync(ClaimsPrincipal caller, IEnumerable<string> permissionNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        foreach (var name in permissionNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!await authorization.HasPermissionAsync(caller, Required(name)))
            {
                throw new PermissionDeniedException(Required(name), T["You do not hold the permission '{0}': you may give a role only permissions you hold.", name]);
            }
        }
    }

    /// <summary>The accounts <paramref name="caller"/> may not change (for changes in bulk, such as the people import).</summary>
    public async Task<IReadOnlySet<string>> ProtectedAccountsAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var uncovered = new List<string>();
        foreach (var role in await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken))
        {
            if (await FirstLackAsync(caller, [role], cancellationToken) is not null)
            {
                uncovered.Add(role);
            }
        }

        var callerId = caller.FindUserId();
        var ids = await (
            from userRole in db.UserRoles.AsNoTracking()
            join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
            where uncovered.Contains(role.Name!) && userRole.UserId != callerId
            select userRole.UserId).Distinct().ToListAsync(cancellationToken);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every permission the accounts with these e-mail addresses hold (all of them for an administrator).</summary>
    public async Task<IReadOnlyCollection<Permission>> HeldByAccountsAsync(IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
    {
        var roles = await (
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles.AsNoTracking() on user.Id equals userRole.UserId
            join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
            where normalizedEmails.Contains(user.NormalizedEmail!)
            select role.Name!).Distinct().ToListAsync(cancellationToken);
        if (roles.Any(IsAdministrator))
        {
            return catalog.All;
        }

        var grants = await rolePermissions.GetGrantsAsync(cancellationToken);
        return [.. roles.SelectMany(r => grants.GetValueOrDefault(r) ?? []).Distinct(StringComparer.Ordinal).Select(Required)];
    }

    /// <summary>The first role of <paramref name="roleNames"/> holding a permission the caller lacks, with that permission (null for Administrator).</summary>
    private async Task<(string Role, string? Permission)?> FirstLackAsync(ClaimsPrincipal caller, IEnumerable<string> roleNames, CancellationToken cancellationToken)
    {
        var grants = await rolePermissions.GetGrantsAsync(cancellationToken);
        var callerIsAdministrator = caller.FindAll(ClaimTypes.Role).Any(c => IsAdministrator(c.Value));
        foreach (var role in roleNames.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            if (IsAdministrator(role))
            {
                if (!callerIsAdministrator)
                {
                    return (role, null);
                }

                continue;
            }

            // Permissions of features that are off count too: they apply again when the feature is turned on.
            foreach (var permission in (grants.GetValueOrDefault(role) ?? []).Order(StringComparer.Ordinal))
            {
                if (!await authorization.HasPermissionAsync(caller, Required(permission)))
                {
                    return (role, permission);
                }
            }
        }

        return null;
    }

    private Permission Required(string name) => catalog.Find(name) ?? new Permission(name, name);

    private static bool IsAdministrator(string role) => string.Equals(role, BuiltInRoles.Administrator, StringComparison.OrdinalIgnoreCase);
}
