using System.Security.Claims;

namespace InternalSocial.Groups.Abstractions;

/// <summary>
/// The group space for the tab another module adds to groups (the feed's Posts tab). Both methods answer only for a
/// group the user may read whose module <c>moduleKey</c> is on, and throw the kernel's <c>NotFoundException</c> (or
/// <c>PermissionDeniedException</c>) otherwise.
/// </summary>
public interface IGroupSpaces
{
    /// <param name="key">The group's id or slug.</param>
    Task<GroupSpace> EnterAsync(ClaimsPrincipal user, string key, string moduleKey, CancellationToken cancellationToken);

    /// <summary>As <see cref="EnterAsync"/>, with the space's header and tabs, the module's tab active.</summary>
    Task<GroupSpacePage> ShowAsync(ClaimsPrincipal user, string key, string moduleKey, CancellationToken cancellationToken);
}
