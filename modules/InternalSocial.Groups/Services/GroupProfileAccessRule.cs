using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Groups.Services;

/// <summary>A guest may see the profiles of the people who share a group with them; other cases are left to the next rule.</summary>
internal sealed class GroupProfileAccessRule(GroupsDbContext db, IAuthorizationService authorization) : IProfileAccessRule
{
    public async Task<bool?> CanSeeAsync(ClaimsPrincipal viewer, string personId, CancellationToken cancellationToken)
    {
        var viewerId = GroupsService.UserId(viewer);
        // Employees (who hold Groups.View) see everyone already; only guests need this rule.
        if (viewerId is null || await authorization.HasPermissionAsync(viewer, Permissions.ViewGroups))
        {
            return null;
        }

        var mine = db.Members.Where(m => m.UserId == viewerId).Select(m => m.GroupId);
        var shares = await db.Members.AsNoTracking().AnyAsync(m => m.UserId == personId && mine.Contains(m.GroupId), cancellationToken);
        return shares ? true : null;
    }

    public async Task<IReadOnlyCollection<string>?> SeenByAsync(ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        var viewerId = GroupsService.UserId(viewer);
        if (viewerId is null || await authorization.HasPermissionAsync(viewer, Permissions.ViewGroups))
        {
            return null;
        }

        var mine = db.Members.Where(m => m.UserId == viewerId).Select(m => m.GroupId);
        return await db.Members.AsNoTracking().Where(m => mine.Contains(m.GroupId)).Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
    }
}
