using System.Security.Claims;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Users.Services;

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
