using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Users.Services;

/// <summary>Counts in the database, never by loading people: a tenant of tens of thousands answers in one query.</summary>
internal sealed class PeopleCounts(UsersDbContext db) : IPeopleCounts
{
    private static readonly string NormalizedGuestRole = BuiltInRoles.Guest.ToUpperInvariant();

    public async Task<int> CountActiveAsync(bool guests, IReadOnlyCollection<string>? among, CancellationToken cancellationToken)
    {
        var guestRoleIds = db.Roles.Where(r => r.NormalizedName == NormalizedGuestRole).Select(r => r.Id);
        var people = db.Users.AsNoTracking().Where(u => u.IsActive);
        people = guests
            ? people.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && guestRoleIds.Contains(ur.RoleId)))
            : people.Where(u => !db.UserRoles.Any(ur => ur.UserId == u.Id && guestRoleIds.Contains(ur.RoleId)));
        if (among is not null)
        {
            var ids = among.Distinct(StringComparer.Ordinal).ToList();
            people = people.Where(u => ids.Contains(u.Id));
        }

        return await people.CountAsync(cancellationToken);
    }
}
