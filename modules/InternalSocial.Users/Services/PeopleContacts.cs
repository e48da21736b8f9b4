using System.Security.Claims;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Users.Services;

/// <summary>
/// How to reach a person by mail: address, name, the language to write to them in and their time zone (an IANA id);
/// null language or zone: the organisation's.
/// </summary>
public sealed record PersonContact(string Id, string? Email, string DisplayName, string? Culture, bool IsActive, string? TimeZoneId = null);

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

internal sealed class PeopleContacts(UsersDbContext db, UserManager<User> users, IUserClaimsPrincipalFactory<User> principals) : IPeopleContacts
{
    public async Task<IReadOnlyDictionary<string, PersonContact>> GetContactsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0)
        {
            return new Dictionary<string, PersonContact>();
        }

        var ids = userIds.Distinct().ToList();
        var contacts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new PersonContact(u.Id, u.Email, u.DisplayName, u.PreferredLanguage, u.IsActive, u.TimeZoneId))
            .ToListAsync(cancellationToken);
        return contacts.ToDictionary(c => c.Id);
    }

    public async Task<ClaimsPrincipal?> CreatePrincipalAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null || !user.IsActive || await users.IsLockedOutAsync(user) ? null : await principals.CreateAsync(user);
    }
}
