using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// Who is in a survey's audience. Departments and sites are the people directory's (what the organisation records,
/// not what a person edits about themselves); groups are memberships. "Everyone" is every active employee, guests out.
/// </summary>
internal sealed class SurveyAudiences(IPeopleLookup people, IEnumerable<ISurveyGroups> groups)
{
    private ISurveyGroups? Groups => groups.FirstOrDefault();

    public bool GroupsAvailable => Groups is not null;

    /// <summary>What places a person in audiences: read once per request.</summary>
    public async Task<AudienceMember> MemberAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var person = (await people.GetByIdsAsync([userId], cancellationToken)).GetValueOrDefault(userId);
        var groupIds = Groups is { } bridge ? await bridge.MemberGroupIdsAsync(user, cancellationToken) : [];
        return new AudienceMember(userId, person is { IsActive: true, IsGuest: false }, person?.Department?.Trim(), person?.Site?.Trim(),
            [.. groupIds.Select(g => g.ToString(CultureInfo.InvariantCulture))]);
    }

    public static bool Includes(AudienceMember member, Survey survey, IEnumerable<SurveyAudience> audience) =>
        (survey.Everyone && member.IsEmployee)
        || audience.Any(a => a.Kind switch
        {
            AudienceKinds.Department => a.Value == member.Department,
            AudienceKinds.Site => a.Value == member.Site,
            AudienceKinds.Group => member.GroupIds.Contains(a.Value),
            _ => false,
        });

    /// <summary>Everyone in the audience (for notifications and reminders).</summary>
    public async Task<IReadOnlyCollection<string>> MembersAsync(Survey survey, IReadOnlyList<SurveyAudience> audience, CancellationToken cancellationToken)
    {
        if (survey.Everyone)
        {
            return await people.GetActiveEmployeeIdsAsync([], [], cancellationToken);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var departments = audience.Where(a => a.Kind == AudienceKinds.Department).Select(a => a.Value).ToList();
        var sites = audience.Where(a => a.Kind == AudienceKinds.Site).Select(a => a.Value).ToList();
        if (departments.Count > 0 || sites.Count > 0)
        {
            ids.UnionWith(await people.GetActiveEmployeeIdsAsync(departments, sites, cancellationToken));
        }

        var groupIds = audience.Where(a => a.Kind == AudienceKinds.Group).Select(a => long.Parse(a.Value, CultureInfo.InvariantCulture)).ToList();
        if (groupIds.Count > 0 && Groups is { } bridge)
        {
            ids.UnionWith(await bridge.MemberIdsAsync(groupIds, cancellationToken));
        }

        return ids;
    }

    public Task<IReadOnlyCollection<long>> ReadableGroupsAsync(ClaimsPrincipal user, IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken) =>
        Groups is { } bridge ? bridge.ReadableAsync(user, groupIds, cancellationToken) : Task.FromResult<IReadOnlyCollection<long>>([]);
}
