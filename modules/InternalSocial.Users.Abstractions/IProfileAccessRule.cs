using System.Security.Claims;

namespace InternalSocial.Users.Abstractions;

/// <summary>
/// A rule about who may see whose profile, contributed by other modules (groups let a guest see the members of their
/// groups). The first rule that answers decides; without an answer, employees see everyone and guests only themselves.
/// </summary>
public interface IProfileAccessRule
{
    /// <summary>True or false to decide, null to leave it to the next rule.</summary>
    Task<bool?> CanSeeAsync(ClaimsPrincipal viewer, string personId, CancellationToken cancellationToken);

    /// <summary>
    /// For lists (mention suggestions, reports), read once: the people this rule lets a viewer who may not search the
    /// directory (a guest) see; null when it lets them see nobody more.
    /// </summary>
    Task<IReadOnlyCollection<string>?> SeenByAsync(ClaimsPrincipal viewer, CancellationToken cancellationToken);
}
