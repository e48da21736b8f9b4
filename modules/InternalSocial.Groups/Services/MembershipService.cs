using System.Security.Claims;
using InternalSocial.Groups.Events;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

public enum JoinOutcome
{
    Joined,
    Requested,
    AlreadyMember,
}

public sealed record MemberItem(PersonSummary Person, GroupRole Role, DateTime JoinedUtc);

public sealed record MemberPage(IReadOnlyList<MemberItem> Members, string? NextCursor);

public sealed record JoinRequestItem(PersonSummary Person, DateTime CreatedUtc);

public sealed record RuleInput(MembershipRuleKind Kind, string? Value);

/// <summary>An invitation as the invited person sees it. <paramref name="GroupSlug"/> is null when they cannot open the group (a secret one).</summary>
public sealed record InvitationItem(long GroupId, string GroupName, string? GroupSlug, GroupRole Role, string? InvitedBy, DateTime CreatedUtc);

public sealed record PendingInvitationItem(PersonSummary Person, GroupRole Role, DateTime CreatedUtc);

/// <summary>Joining, leaving, requests, invitations, roles, bulk additions and membership rules.</summary>
public sealed class MembershipService(
    GroupsDbContext db,
    GroupsService groups,
    GroupAccess access,
    PeopleDirectory people,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int PageSize = 50;
    public const int MaxImport = 5000;

    public async Task<JoinOutcome> JoinAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetVisibleAsync(user, key, cancellationToken);
        var userId = GroupsService.UserId(user)!;
        if (standing.IsMember)
        {
            return JoinOutcome.AlreadyMember;
        }

        EnsureNotArchived(standing.Group);
        if (await db.Invitations.AnyAsync(i => i.GroupId == standing.Group.Id && i.UserId == userId, cancellationToken))
        {
            // Asking to join a group that invited you is accepting the invitation.
            await AnswerInvitationAsync(user, standing.Group.Id, accept: true, cancellationToken);
            return JoinOutcome.Joined;
        }

        if (standing.Group.Visibility == GroupVisibility.Public || standing.IsTenantAdmin)
        {
            await AddAsync(standing.Group.Id, [userId], GroupRole.Member, cancellationToken);
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

        await EnsureNotLastOwnerAsync(standing.Group.Id, userId, cancellationToken);
        await RemoveRowAsync(standing.Group.Id, userId, cancellationToken);
        await events.PublishAsync(new MemberLeft(standing.Group.Id, userId), cancellationToken);
    }

    /// <summary>
    /// Invites people by user name, e-mail or id; 404 naming every unknown one, and then nobody is invited. Each becomes a
    /// member only when they accept (see <see cref="AnswerInvitationAsync"/>); in a mandatory group they are added at once.
    /// </summary>
    /// <returns>How many people were invited (or added): members and people already invited are left as they are.</returns>
    public async Task<int> InviteAsync(ClaimsPrincipal user, string key, IReadOnlyCollection<string> entries, GroupRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        EnsureNotArchived(standing.Group);
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
            var added = await AddAsync(standing.Group.Id, found.Select(p => p.Id).ToList(), role, cancellationToken);
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
            EnsureNotArchived(group);
        }

        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync(cancellationToken);
        if (accept && (await AddAsync(group.Id, [userId], invitation.Role, cancellationToken)).Count > 0)
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

    /// <summary>Adds every active person of a department.</summary>
    public async Task<int> AddDepartmentAsync(ClaimsPrincipal user, string key, string? department, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        EnsureNotArchived(standing.Group);
        if (string.IsNullOrWhiteSpace(department))
        {
            throw new InvalidInputException("department", T["The department is required."]);
        }

        // A whole department is added at once, like a membership rule: nobody is asked.
        var matches = await people.WhereAsync(p => SameText(p.Department, department), cancellationToken);
        var added = await AddAsync(standing.Group.Id, matches.Select(p => p.Id).ToList(), GroupRole.Member, cancellationToken);
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

        await EnsureNotLastOwnerAsync(standing.Group.Id, memberId, cancellationToken);
        await RemoveRowAsync(standing.Group.Id, memberId, cancellationToken);
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
            await EnsureNotLastOwnerAsync(standing.Group.Id, memberId, cancellationToken);
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

    public async Task<IReadOnlyList<JoinRequestItem>> ListRequestsAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        var requests = await db.JoinRequests.AsNoTracking().Where(r => r.GroupId == standing.Group.Id).OrderBy(r => r.CreatedUtc).Take(200).ToListAsync(cancellationToken);
        var persons = await people.GetByIdsAsync(requests.Select(r => r.UserId).ToList(), cancellationToken);
        return [.. requests.Where(r => persons.ContainsKey(r.UserId)).Select(r => new JoinRequestItem(persons[r.UserId], r.CreatedUtc))];
    }

    public async Task<bool> HasRequestedAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        var userId = GroupsService.UserId(user);
        return userId is not null && await db.JoinRequests.AsNoTracking().AnyAsync(r => r.GroupId == groupId && r.UserId == userId, cancellationToken);
    }

    public async Task<bool> IsInvitedAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        var userId = GroupsService.UserId(user);
        return userId is not null && await db.Invitations.AsNoTracking().AnyAsync(i => i.GroupId == groupId && i.UserId == userId, cancellationToken);
    }

    /// <summary>Pending requests of a group, for its admins' tab badge; callers have checked the group admin right.</summary>
    public Task<int> CountRequestsAsync(long groupId, CancellationToken cancellationToken) =>
        db.JoinRequests.AsNoTracking().CountAsync(r => r.GroupId == groupId, cancellationToken);

    /// <summary>Approves (adds the person) or rejects a pending request.</summary>
    public async Task DecideRequestAsync(ClaimsPrincipal user, string key, string requesterId, bool approve, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        var request = await db.JoinRequests.FirstOrDefaultAsync(r => r.GroupId == standing.Group.Id && r.UserId == requesterId, cancellationToken)
            ?? throw new NotFoundException(T["No pending request from '{0}'.", requesterId]);
        db.JoinRequests.Remove(request);
        await db.SaveChangesAsync(cancellationToken);
        if (approve)
        {
            EnsureNotArchived(standing.Group);
            await AddAsync(standing.Group.Id, [requesterId], GroupRole.Member, cancellationToken);
            await events.PublishAsync(new MemberJoined(standing.Group.Id, requesterId), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<MembershipRule>> GetRulesAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        return await db.MembershipRules.AsNoTracking().Where(r => r.GroupId == standing.Group.Id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Replaces the group's rules, then applies them. Rules bind whole departments or sites: tenant group administrators only.</summary>
    /// <returns>How many people the rules added.</returns>
    public async Task<int> SetRulesAsync(ClaimsPrincipal user, string key, IReadOnlyCollection<RuleInput> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        if (!standing.IsTenantAdmin)
        {
            throw new PermissionDeniedException(Permissions.ManageGroups);
        }

        var index = 0;
        foreach (var rule in rules)
        {
            if (!Enum.IsDefined(rule.Kind) || (rule.Kind != MembershipRuleKind.Everyone && string.IsNullOrWhiteSpace(rule.Value)) || rule.Value?.Length > 200)
            {
                throw new InvalidInputException($"rules[{index}]", T["A rule is a kind (department, site or everyone) and, but for everyone, a value of 1 to 200 characters."]);
            }

            index++;
        }

        await ReplaceRulesAsync(standing.Group.Id, rules, cancellationToken);
        return await ApplyRulesUncheckedAsync(standing.Group.Id, cancellationToken);
    }

    public async Task<int> ApplyRulesAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        return await ApplyRulesUncheckedAsync(standing.Group.Id, cancellationToken);
    }

    internal async Task ReplaceRulesAsync(long groupId, IReadOnlyCollection<RuleInput> rules, CancellationToken cancellationToken)
    {
        await db.MembershipRules.Where(r => r.GroupId == groupId).ExecuteDeleteAsync(cancellationToken);
        db.MembershipRules.AddRange(rules.Select(r => new MembershipRule { GroupId = groupId, Kind = r.Kind, Value = r.Value?.Trim() ?? "" }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds everyone the group's rules match who is not a member yet; nobody is removed (people added by hand stay).</summary>
    internal async Task<int> ApplyRulesUncheckedAsync(long groupId, CancellationToken cancellationToken)
    {
        var rules = await db.MembershipRules.AsNoTracking().Where(r => r.GroupId == groupId).ToListAsync(cancellationToken);
        if (rules.Count == 0)
        {
            return 0;
        }

        var matches = await people.WhereAsync(person => rules.Any(rule => MembershipRules.Matches(rule, person)), cancellationToken);
        var added = await AddAsync(groupId, matches.Select(p => p.Id).ToList(), GroupRole.Member, byRule: true, cancellationToken);
        foreach (var id in added)
        {
            await events.PublishAsync(new MemberJoined(groupId, id), cancellationToken);
        }

        return added.Count;
    }

    /// <summary>
    /// Adds these people to every group (not archived) whose rules match them now: someone who joins the organisation,
    /// or moves to another department or site, lands in their groups without anyone applying the rules again. Someone a
    /// rule added, still a plain member, whom the group's rules no longer match (they moved) is taken out; people added
    /// by hand, and those since given a role in the group, stay.
    /// </summary>
    internal async Task<int> ApplyRulesToPeopleAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var rules = await (from rule in db.MembershipRules.AsNoTracking()
                           join g in db.Groups on rule.GroupId equals g.Id
                           where !g.IsArchived
                           select rule).ToListAsync(cancellationToken);
        if (rules.Count == 0)
        {
            return 0;
        }

        var placed = new List<PersonSummary>();
        foreach (var chunk in userIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            placed.AddRange((await people.GetByIdsAsync(chunk, cancellationToken)).Values.Where(p => p.IsActive));
        }

        var added = 0;
        foreach (var groupRules in rules.GroupBy(r => r.GroupId))
        {
            var matches = placed.Where(person => groupRules.Any(rule => MembershipRules.Matches(rule, person))).Select(p => p.Id).ToList();
            var joined = await AddAsync(groupRules.Key, matches, GroupRole.Member, byRule: true, cancellationToken);
            foreach (var id in joined)
            {
                await events.PublishAsync(new MemberJoined(groupRules.Key, id), cancellationToken);
            }

            added += joined.Count;
        }

        await RemoveMovedAsync(placed, rules, cancellationToken);
        return added;
    }

    private async Task RemoveMovedAsync(List<PersonSummary> placed, List<MembershipRule> rules, CancellationToken cancellationToken)
    {
        var rulesByGroup = rules.ToLookup(r => r.GroupId);
        var groupIds = rulesByGroup.Select(g => g.Key).ToList();
        var byId = placed.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var chunk in byId.Keys.Chunk(500))
        {
            var made = await db.Members.AsNoTracking()
                .Where(m => m.ByRule && m.Role == GroupRole.Member && chunk.Contains(m.UserId) && groupIds.Contains(m.GroupId))
                .ToListAsync(cancellationToken);
            foreach (var member in made.Where(m => !rulesByGroup[m.GroupId].Any(rule => MembershipRules.Matches(rule, byId[m.UserId]))))
            {
                await RemoveRowAsync(member.GroupId, member.UserId, cancellationToken);
                // Nobody removed them: the rule did (no person's id).
                await events.PublishAsync(new MemberRemoved(member.GroupId, member.UserId, ""), cancellationToken);
            }
        }
    }

    /// <summary>Adds the people who are not members yet, withdraws their pending requests and invitations; returns who was added.</summary>
    internal Task<IReadOnlyList<string>> AddAsync(long groupId, IReadOnlyList<string> userIds, GroupRole role, CancellationToken cancellationToken) =>
        AddAsync(groupId, userIds, role, byRule: false, cancellationToken);

    /// <summary>As above; <paramref name="byRule"/> marks the new memberships as made by the group's rules.</summary>
    private async Task<IReadOnlyList<string>> AddAsync(long groupId, IReadOnlyList<string> userIds, GroupRole role, bool byRule, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }

        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in userIds.Chunk(500))
        {
            existing.UnionWith(await db.Members.AsNoTracking().Where(m => m.GroupId == groupId && chunk.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var added = userIds.Where(id => !existing.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        db.Members.AddRange(added.Select(id => new GroupMember { GroupId = groupId, UserId = id, Role = role, JoinedUtc = now, ByRule = byRule }));
        foreach (var chunk in added.Chunk(500))
        {
            db.JoinRequests.RemoveRange(await db.JoinRequests.Where(r => r.GroupId == groupId && chunk.Contains(r.UserId)).ToListAsync(cancellationToken));
            // Someone added another way (an approved request, a rule) has nothing left to accept.
            db.Invitations.RemoveRange(await db.Invitations.Where(i => i.GroupId == groupId && chunk.Contains(i.UserId)).ToListAsync(cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecountAsync(groupId, cancellationToken);
        return added;
    }

    private async Task RemoveRowAsync(long groupId, string userId, CancellationToken cancellationToken)
    {
        await db.Members.Where(m => m.GroupId == groupId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await RecountAsync(groupId, cancellationToken);
    }

    private async Task RecountAsync(long groupId, CancellationToken cancellationToken)
    {
        var count = await db.Members.CountAsync(m => m.GroupId == groupId, cancellationToken);
        await db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, count), cancellationToken);
        access.Forget();
    }

    private async Task EnsureNotLastOwnerAsync(long groupId, string userId, CancellationToken cancellationToken)
    {
        var owners = await db.Members.AsNoTracking().Where(m => m.GroupId == groupId && m.Role == GroupRole.Owner).Select(m => m.UserId).Take(2).ToListAsync(cancellationToken);
        if (owners.Count == 1 && owners[0] == userId)
        {
            throw new ConflictException(T["The last owner cannot leave the group: make another member an owner first."]);
        }
    }

    private void EnsureNotArchived(Group group)
    {
        if (group.IsArchived)
        {
            throw new ConflictException(T["This group is archived: restore it first."]);
        }
    }

    private static bool IsHeader(string entry) =>
        entry.Equals("username", StringComparison.OrdinalIgnoreCase) || entry.Equals("user name", StringComparison.OrdinalIgnoreCase)
        || entry.Equals("email", StringComparison.OrdinalIgnoreCase) || entry.Equals("e-mail", StringComparison.OrdinalIgnoreCase);

    private static bool SameText(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>Membership rules, evaluated from <see cref="PersonSummary"/> fields only.</summary>
public static class MembershipRules
{
    public static bool Matches(MembershipRule rule, PersonSummary person)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(person);
        if (person.IsGuest)
        {
            return false;
        }

        if (rule.Kind == MembershipRuleKind.Everyone)
        {
            return true;
        }

        var value = rule.Kind == MembershipRuleKind.Department ? person.Department : person.Site;
        return value is not null && string.Equals(value.Trim(), rule.Value.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
