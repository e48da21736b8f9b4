using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Users.Services;

/// <summary>
/// Who may see whose profile: oneself and people administrators always; then the first <see cref="IProfileAccessRule"/>
/// that answers; without an answer, those who may search the directory (employees), not guests.
/// </summary>
internal sealed class ProfileAccess(IEnumerable<IProfileAccessRule> rules, IAuthorizationService authorization, AccountPrivilege privilege)
{
    public async Task<bool> CanSeeAsync(ClaimsPrincipal viewer, string personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.FindUserId() is not { } viewerId)
        {
            return false;
        }

        if (viewerId == personId || await IsPeopleAdministratorAsync(viewer))
        {
            return true;
        }

        foreach (var rule in rules)
        {
            if (await rule.CanSeeAsync(viewer, personId, cancellationToken) is { } answer)
            {
                return answer;
            }
        }

        return await IsEmployeeAsync(viewer);
    }

    /// <summary>
    /// The people the viewer may see, for lists, in one read: null when they may see everyone (people administrators
    /// and employees), otherwise themselves and those the rules let them see (a guest: the members of their groups).
    /// </summary>
    public async Task<IReadOnlySet<string>?> VisiblePeopleAsync(ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.FindUserId() is not { } viewerId)
        {
            return new HashSet<string>();
        }

        if (await IsPeopleAdministratorAsync(viewer) || await IsEmployeeAsync(viewer))
        {
            return null;
        }

        var visible = new HashSet<string>(StringComparer.Ordinal) { viewerId };
        foreach (var rule in rules)
        {
            if (await rule.SeenByAsync(viewer, cancellationToken) is { } seen)
            {
                visible.UnionWith(seen);
            }
        }

        return visible;
    }

    /// <summary>Throws unless the viewer may edit this profile: their own, or, for people administrators, an account holding nothing they lack.</summary>
    /// <exception cref="PermissionDeniedException">Someone else's profile without <see cref="Permissions.ManageUsers"/>, or a more privileged account.</exception>
    public async Task EnsureMayEditAsync(ClaimsPrincipal viewer, string personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.FindUserId() == personId)
        {
            return;
        }

        if (!await IsPeopleAdministratorAsync(viewer))
        {
            throw new PermissionDeniedException(Permissions.ManageUsers);
        }

        await privilege.EnsureMayChangeAsync(viewer, personId, cancellationToken);
    }

    public Task<bool> IsPeopleAdministratorAsync(ClaimsPrincipal viewer) => authorization.HasPermissionAsync(viewer, Permissions.ManageUsers);

    /// <summary>Employees (not guests): those who may search the directory.</summary>
    public Task<bool> IsEmployeeAsync(ClaimsPrincipal viewer) => authorization.HasPermissionAsync(viewer, Permissions.ViewDirectory);
}
