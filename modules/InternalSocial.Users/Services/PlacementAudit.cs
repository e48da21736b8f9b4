using InternalSocial.Users.Models;

namespace InternalSocial.Users.Services;

/// <summary>The audit of a person's department and site, which decide what reaches them; changed by people administrators or the import.</summary>
internal static class PlacementAudit
{
    /// <summary>Audit actions: a people administrator or the import changed the department or site.</summary>
    public const string DepartmentChanged = "department-changed";
    public const string SiteChanged = "site-changed";

    /// <summary>Audits a change of department or site, which decides what reaches the person.</summary>
    internal static void Record(UsersDbContext db, User user, string? department, string? site, string byUserId, DateTime now)
    {
        if (user.Department != department)
        {
            db.Audit.Add(new PeopleAuditEntry { Action = DepartmentChanged, UserId = user.Id, ByUserId = byUserId, AtUtc = now });
        }

        if (user.Site != site)
        {
            db.Audit.Add(new PeopleAuditEntry { Action = SiteChanged, UserId = user.Id, ByUserId = byUserId, AtUtc = now });
        }
    }
}
