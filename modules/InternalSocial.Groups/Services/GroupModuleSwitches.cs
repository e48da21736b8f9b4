using System.Security.Claims;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>Switches a group's modules on or off, and the tenant's locks on them; checks the group role or <c>Groups.Manage</c>.</summary>
internal sealed class GroupModuleSwitches(GroupsService groups, GroupModules modules, IAuthorizationService authorization, IStringLocalizer<ModuleResources> T)
{
    /// <summary>Switches a module on or off in a group; 403 when the tenant has locked it.</summary>
    public async Task SetModuleAsync(ClaimsPrincipal user, string key, string moduleKey, bool enabled, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        if (modules.Available.All(m => m.Key != moduleKey))
        {
            throw new NotFoundException(T["No group module '{0}'.", moduleKey]);
        }

        if (!await modules.TrySetAsync(standing.Group, moduleKey, enabled, cancellationToken))
        {
            throw new PermissionDeniedException(Permissions.ManageGroups);
        }
    }

    /// <summary>Locks a module for all groups or a group type (null <paramref name="enabled"/> unlocks). Needs Groups.Manage.</summary>
    public async Task SetModuleLockAsync(ClaimsPrincipal user, string moduleKey, string? scope, bool? enabled, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageGroups);
        if (modules.Available.All(m => m.Key != moduleKey))
        {
            throw new NotFoundException(T["No group module '{0}'.", moduleKey]);
        }

        scope ??= GroupModuleLock.AllGroups;
        if (!GroupModules.LockScopes.Contains(scope))
        {
            throw new InvalidInputException("scope", T["The scope must be one of: {0}.", string.Join(", ", GroupModules.LockScopes)]);
        }

        await modules.SetLockAsync(moduleKey, scope, enabled, cancellationToken);
    }

    public async Task<IReadOnlyList<GroupModuleLockInfo>> ListModuleLocksAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageGroups);
        return await modules.ListLocksAsync(cancellationToken);
    }
}
