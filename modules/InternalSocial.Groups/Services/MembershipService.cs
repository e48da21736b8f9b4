using System.Security.Claims;
using InternalSocial.Groups.Abstractions.Events;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>Joining and leaving a group, its member list, and what its admins do to members: roles, removal, a whole department.</summary>
internal sealed class MembershipService(
    GroupsDbContext db,
    GroupsService groups,
    GroupAccess access,
    GroupRoster roster,
    InvitationService invitations,
    PeopleDirectory people,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int PageSize = 50;

    public async Task<JoinOutcome> JoinAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetVisibleAsync(user, key, cancellationToken);
        var userId = GroupsService.UserId(user)!;
        if (standing.IsMember)
        {
            return JoinOutcome.AlreadyMember;
        }

        roster.EnsureNotArchived(standing.Group);
        if (await db.Invitations.AnyAsync(i => i.GroupId == standing.Group.Id && i.UserId == userId, cancellationToken))
        {
            // Asking to join a group that invited you is accepting the invitation.
            await invitations.AnswerInvitationAsync(user, standing.Group.Id, accept: true, cancellationToken);
            return JoinOutcome.Joined;
        }

        if (standing.Group.Visibility == GroupVisibility.Public || standing.IsTenantAdmin)
        {
            await roster.AddAsync(standing.Group.Id, [userId], GroupRole.Member, cancellationToken);
            await events.PublishAsync(new MemberJoined(standing.Group.Id, userId), cancellationToken);
            return JoinOutcome.Joined;
        }

        if (standing.Group.Visibility == GroupVisibility.Secret)
        {
            throw new ConflictException(T["This group is joined by invitation only."]);
        }

        if (!await db.JoinRequests.AnyAsync(r => r.GroupId == standing.Group.Id && r.UserId == userId, cancellationToken))
        {
            db.JoinRequests.Add(new JoinRequest { GroupId = standing.Group.Id, UserId = userId, CreatedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(new JoinRequested(standing.Group.Id, userId), cancellationToken);
        }

        return JoinOutcome.Requested;
    }

    public async Task LeaveAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetVisibleAsync(user, key, cancellationToken);
        var userId = GroupsService.UserId(user)!;
        if (!standing.IsMember)
        {
            // A pending request is withdrawn by "leave" too.
            if (await db.JoinRequests.Where(r => r.GroupId == standing.Group.Id && r.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0)
            {
                return;
            }

            throw new ConflictException(T["You are not a member of this group."]);
        }

        if (standing.Group.IsMandatory)
        {
            throw new ConflictException(T["'{0}' is a mandatory group: its members cannot leave it. Ask an administrator if you believe you should not be in it.", standing.Group.Name]);
        }

        await roster.EnsureNotLastOwnerAsync(standing.Group.Id, userId, cancellationToken);
        await roster.RemoveAsync(standing.Group.Id, userId, cancellationToken);
        await events.PublishAsync(new MemberLeft(standing.Group.Id, userId), cancellationToken);
    }

    /// <summary>Adds every active person of a department.</summary>
    public async Task<int> AddDepartmentAsync(ClaimsPrincipal user, string key, string? department, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        roster.EnsureNotArchived(standing.Group);
        if (string.IsNullOrWhiteSpace(department))
        {
            throw new InvalidInputException("department", T["The department is required."]);
        }

        // A whole department is added at once, like a membership rule: nobody is asked.
        var matches = await people.WhereAsync(p => SameText(p.Department, department), cancellationToken);
        var added = await roster.AddAsync(standing.Group.Id, matches.Select(p => p.Id).ToList(), GroupRole.Member, cancellationToken);
        foreach (var id in added)
        {
            await events.PublishAsync(new MemberJoined(standing.Group.Id, id), cancellationToken);
        }

        return added.Count;
    }

    public async Task RemoveAsync(ClaimsPrincipal user, string key, string memberId, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == standing.Group.Id && m.UserId == memberId, cancellationToken)
            ?? throw new NotFoundException(T["'{0}' is not a member of this group.", memberId]);
        if (member.Role == GroupRole.Owner && !standing.IsTenantAdmin && standing.Role != GroupRole.Owner)
        {
            throw new PermissionDeniedException(GroupRights.AdministerGroup);
        }

        await roster.EnsureNotLastOwnerAsync(standing.Group.Id, memberId, cancellationToken);
        await roster.RemoveAsync(standing.Group.Id, memberId, cancellationToken);
        await events.PublishAsync(new MemberRemoved(standing.Group.Id, memberId, GroupsService.UserId(user)!), cancellationToken);
    }

    public async Task SetRoleAsync(ClaimsPrincipal user, string key, string memberId, GroupRole role, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        if (!Enum.IsDefined(role))
        {
            throw new InvalidInputException("role", T["The role must be member, moderator, admin or owner."]);
        }

        var member = await db.Members.FirstOrDefaultAsync(m => m.GroupId == standing.Group.Id && m.UserId == memberId, cancellationToken)
            ?? throw new NotFoundException(T["'{0}' is not a member of this group.", memberId]);
        if ((role == GroupRole.Owner || member.Role == GroupRole.Owner) && !standing.IsTenantAdmin && standing.Role != GroupRole.Owner)
        {
            throw new PermissionDeniedException(GroupRights.AdministerGroup);
        }

        if (member.Role == GroupRole.Owner && role != GroupRole.Owner)
        {
            await roster.EnsureNotLastOwnerAsync(standing.Group.Id, memberId, cancellationToken);
        }

        member.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        access.Forget();
    }

    /// <summary>Members by user id, 50 a page; needs the right to read the group's content.</summary>
    public async Task<MemberPage> ListMembersAsync(ClaimsPrincipal user, string key, string? cursor, CancellationToken cancellationToken)
    {
        var standing = await groups.GetReadableAsync(user, key, cancellationToken);
        var members = db.Members.AsNoTracking().Where(m => m.GroupId == standing.Group.Id);
        if (!string.IsNullOrEmpty(cursor))
        {
            members = members.Where(m => string.Compare(m.UserId, cursor) > 0);
        }

        var page = await members.OrderBy(m => m.UserId).Take(PageSize + 1).ToListAsync(cancellationToken);
        var shown = page.Take(PageSize).ToList();
        var persons = await people.GetByIdsAsync(shown.Select(m => m.UserId).ToList(), cancellationToken);
        return new MemberPage(
            [.. shown.Where(m => persons.ContainsKey(m.UserId)).Select(m => new MemberItem(persons[m.UserId], m.Role, m.JoinedUtc))],
            page.Count > PageSize ? shown[^1].UserId : null);
    }

    private static bool SameText(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
