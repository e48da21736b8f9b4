using System.Security.Claims;
using InternalSocial.Kernel;

namespace InternalSocial.Groups.Services;

/// <summary>For group modules' pages and endpoints: a module switched off in a group answers 404 there.</summary>
internal static class GroupModuleGuard
{
    /// <summary>Throws <see cref="NotFoundException"/> unless the group exists, the user may read it and the module is on in it.</summary>
    public static async Task<GroupStanding> EnsureModuleEnabledAsync(this GroupsService groups, ClaimsPrincipal user, string groupKey, string moduleKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var standing = await groups.GetReadableAsync(user, groupKey, cancellationToken);
        if (!await groups.Modules.IsEnabledAsync(standing.Group.Id, moduleKey, cancellationToken))
        {
            var T = groups.Texts;
            throw new NotFoundException(T["This group has no such page."]);
        }

        return standing;
    }
}
