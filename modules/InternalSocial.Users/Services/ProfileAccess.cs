using System.Security.Claims;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Users.Services;

/// <summary>
/// Who may see whose profile: oneself and people administrators always; then the first <see cref="IProfileAccessRule"/>
/// that answers; without an answer, those who may search the directory (employees), not guests.
/// </summary>
public sealed class ProfileAccess(IEnumerable<IProfileAccessRule> rules, IAuthorizationService authorization, AccountPrivilege privilege)
{
    public async Task<bool> CanSeeAsync(ClaimsPrincipal viewer, string personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.FindFirstValue(ClaimTypes.NameIdentifier) is not { } viewerId)
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

    /// <summary>Throws unless the viewer may edit this profile: their own, or, for people administrators, an account holding nothing they lack.</summary>
    /// <exception cref="PermissionDeniedException">Someone else's profile without <see cref="Permissions.ManageUsers"/>, or a more privileged account.</exception>
    public async Task EnsureMayEditAsync(ClaimsPrincipal viewer, string personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.FindFirstValue(ClaimTypes.NameIdentifier) == personId)
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
