using System.Security.Claims;

namespace InternalSocial.Users.Abstractions;

/// <summary>
/// The Users module's public service for modules that write to people (notifications, invitations, newsletters), and
/// that check, in the background, what a person may see: the principal built here holds the person's current roles.
/// </summary>
public interface IPeopleContacts
{
    Task<IReadOnlyDictionary<string, PersonContact>> GetContactsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>The person as a signed-in user would be, or null when the account does not exist or cannot sign in.</summary>
    Task<ClaimsPrincipal?> CreatePrincipalAsync(string userId, CancellationToken cancellationToken);
}
