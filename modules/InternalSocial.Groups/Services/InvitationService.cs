using System.Security.Claims;
using InternalSocial.Groups.Abstractions.Events;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>Invitations to a group: sent by its admins (one by one or from a list), answered by the invited person.</summary>
internal sealed class InvitationService(
    GroupsDbContext db,
    GroupsService groups,
    GroupAccess access,
    GroupRoster roster,
    PeopleDirectory people,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxImport = 5000;

    /// <summary>
    /// Invites people by user name, e-mail or id; 404 naming every unknown one, and then nobody is invited. Each becomes a
    /// member only when they accept (see <see cref="AnswerInvitationAsync"/>); in a mandatory group they are added at once.
    /// </summary>
    /// <returns>How many people were invited (or added): members and people already invited are left as they are.</returns>
    public async Task<int> InviteAsync(ClaimsPrincipal user, string key, IReadOnlyCollection<string> entries, GroupRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        roster.EnsureNotArchived(standing.Group);
        if (!Enum.IsDefined(role))
        {
            throw new InvalidInputException("role", T["The role must be member, moderator, admin or owner."]);
        }

        if (role == GroupRole.Owner && !standing.IsTenantAdmin && standing.Role != GroupRole.Owner)
        {
            throw new PermissionDeniedException(GroupRights.AdministerGroup);
        }

        if (entries.Count == 0)
        {
            throw new InvalidInputException("userNames", T["Name at least one person."]);
        }

        if (entries.Count > MaxImport)
        {
            throw new InvalidInputException("userNames", T["At most {0} people at a time.", MaxImport]);
        }

        var (found, unknown) = await people.ResolveAsync(entries, cancellationToken);
        if (unknown.Count > 0)
        {
            throw new NotFoundException(T["Nobody is known as: {0}. Nobody was added.", string.Join(", ", unknown)]);
        }

        var byUserId = GroupsService.UserId(user)!;
        if (standing.Group.IsMandatory)
        {
            // People put in a mandatory group cannot leave it: asking them first would be a question without a choice.
            var added = await roster.AddAsync(standing.Group.Id, found.Select(p => p.Id).ToList(), role, cancellationToken);
            foreach (var id in added)
            {
                await events.PublishAsync(new MemberJoined(standing.Group.Id, id), cancellationToken);
            }

            return added.Count;
        }

        var invited = await CreateInvitationsAsync(standing.Group.Id, found.Select(p => p.Id).ToList(), role, byUserId, cancellationToken);
        foreach (var id in invited)
        {
            await events.PublishAsync(new MemberInvited(standing.Group.Id, id, byUserId), cancellationToken);
        }

        return invited.Count;
    }

    /// <summary>A CSV or plain list of user names or e-mail addresses (one a line, or separated by commas or semicolons; a header line is skipped).</summary>
    public Task<int> ImportAsync(ClaimsPrincipal user, string key, string? csv, CancellationToken cancellationToken)
    {
        var entries = (csv ?? "").Split(['\n', '\r', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.Trim('"'))
            .Where(e => e.Length > 0 && !IsHeader(e))
            .ToList();
        if (entries.Count == 0)
        {
            throw new InvalidInputException("csv", T["The file names nobody: give one user name or e-mail address a line."]);
        }

        return InviteAsync(user, key, entries, GroupRole.Member, cancellationToken);
    }

    /// <summary>The signed-in person's pending invitations, newest first (a secret group shows its name here, and nothing more).</summary>
    public async Task<IReadOnlyList<InvitationItem>> ListMyInvitationsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = GroupsService.UserId(user);
        if (userId is null)
        {
            return [];
        }

        var rows = await (
                from i in db.Invitations.AsNoTracking()
                join g in db.Groups.AsNoTracking() on i.GroupId equals g.Id
                where i.UserId == userId && !g.IsArchived
                orderby i.CreatedUtc descending
                select new { Invitation = i, Group = g })
            .Take(200)
            .ToListAsync(cancellationToken);
        var inviters = await people.GetByIdsAsync(rows.Select(r => r.Invitation.InvitedBy).Distinct().ToList(), cancellationToken);
        var items = new List<InvitationItem>(rows.Count);
        foreach (var row in rows)
        {
            var standing = await access.StandingAsync(user, row.Group, cancellationToken);
            items.Add(new InvitationItem(row.Group.Id, row.Group.Name, standing.CanSee ? row.Group.Slug : null, row.Invitation.Role,
                inviters.GetValueOrDefault(row.Invitation.InvitedBy)?.DisplayName, row.Invitation.CreatedUtc));
        }

        return items;
    }

    /// <summary>How many invitations wait for the person's answer (for the directory's banner).</summary>
    public async Task<int> CountMyInvitationsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = GroupsService.UserId(user);
        return userId is null ? 0 : await (
            from i in db.Invitations.AsNoTracking()
            join g in db.Groups.AsNoTracking() on i.GroupId equals g.Id
            where i.UserId == userId && !g.IsArchived
            select i).CountAsync(cancellationToken);
    }

    /// <summary>
    /// The invited person accepts (becomes a member with the invited role) or declines. 404 alike when the group does not
    /// exist and when there is no invitation, so that an id tells nothing about a secret group.
    /// </summary>
    public async Task<Group> AnswerInvitationAsync(ClaimsPrincipal user, long groupId, bool accept, CancellationToken cancellationToken)
    {
        var userId = GroupsService.UserId(user) ?? throw new PermissionDeniedException(GroupRights.ReadContent);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.GroupId == groupId && i.UserId == userId, cancellationToken);
        var group = invitation is null ? null : await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (invitation is null || group is null)
        {
            throw new NotFoundException(T["You have no invitation to this group."]);
        }

        if (accept)
        {
            roster.EnsureNotArchived(group);
        }

        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync(cancellationToken);
        if (accept && (await roster.AddAsync(group.Id, [userId], invitation.Role, cancellationToken)).Count > 0)
        {
            await events.PublishAsync(new MemberJoined(group.Id, userId), cancellationToken);
        }

        return group;
    }

    /// <summary>The group's pending invitations, for its admins.</summary>
    public async Task<IReadOnlyList<PendingInvitationItem>> ListInvitationsAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        var rows = await db.Invitations.AsNoTracking().Where(i => i.GroupId == standing.Group.Id).OrderBy(i => i.CreatedUtc).Take(200).ToListAsync(cancellationToken);
        var persons = await people.GetByIdsAsync(rows.Select(r => r.UserId).ToList(), cancellationToken);
        return [.. rows.Where(r => persons.ContainsKey(r.UserId)).Select(r => new PendingInvitationItem(persons[r.UserId], r.Role, r.CreatedUtc))];
    }

    /// <summary>A group admin withdraws an invitation that has not been answered.</summary>
    public async Task CancelInvitationAsync(ClaimsPrincipal user, string key, string userId, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        if (await db.Invitations.Where(i => i.GroupId == standing.Group.Id && i.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotFoundException(T["No pending invitation for '{0}'.", userId]);
        }
    }

    public async Task<bool> IsInvitedAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        var userId = GroupsService.UserId(user);
        return userId is not null && await db.Invitations.AsNoTracking().AnyAsync(i => i.GroupId == groupId && i.UserId == userId, cancellationToken);
    }

    /// <summary>Invites the people who are neither members nor invited yet; returns who was invited.</summary>
    internal async Task<IReadOnlyList<string>> CreateInvitationsAsync(long groupId, IReadOnlyList<string> userIds, GroupRole role, string byUserId, CancellationToken cancellationToken)
    {
        var wanted = userIds.Distinct(StringComparer.Ordinal).ToList();
        var skip = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(500))
        {
            skip.UnionWith(await db.Members.AsNoTracking().Where(m => m.GroupId == groupId && chunk.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(cancellationToken));
            skip.UnionWith(await db.Invitations.AsNoTracking().Where(i => i.GroupId == groupId && chunk.Contains(i.UserId)).Select(i => i.UserId).ToListAsync(cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var invited = wanted.Where(id => !skip.Contains(id)).ToList();
        db.Invitations.AddRange(invited.Select(id => new GroupInvitation { GroupId = groupId, UserId = id, Role = role, InvitedBy = byUserId, CreatedUtc = now }));
        await db.SaveChangesAsync(cancellationToken);
        return invited;
    }

    private static bool IsHeader(string entry) =>
        entry.Equals("username", StringComparison.OrdinalIgnoreCase) || entry.Equals("user name", StringComparison.OrdinalIgnoreCase)
        || entry.Equals("email", StringComparison.OrdinalIgnoreCase) || entry.Equals("e-mail", StringComparison.OrdinalIgnoreCase);
}
