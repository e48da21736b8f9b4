using System.Security.Claims;
using InternalSocial.Groups.Abstractions.Events;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>A group's membership rules (whole departments or sites, or everyone) and their application as people join or move.</summary>
internal sealed class MembershipRuleService(
    GroupsDbContext db,
    GroupsService groups,
    GroupRoster roster,
    PeopleDirectory people,
    IEventBus events,
    IStringLocalizer<ModuleResources> T)
{
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
        var added = await roster.AddAsync(groupId, matches.Select(p => p.Id).ToList(), GroupRole.Member, byRule: true, cancellationToken);
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
            var joined = await roster.AddAsync(groupRules.Key, matches, GroupRole.Member, byRule: true, cancellationToken);
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
                await roster.RemoveAsync(member.GroupId, member.UserId, cancellationToken);
                // Nobody removed them: the rule did (no person's id).
                await events.PublishAsync(new MemberRemoved(member.GroupId, member.UserId, ""), cancellationToken);
            }
        }
    }
}
