using System.Security.Claims;
using InternalSocial.Groups.Abstractions;

namespace InternalSocial.Polls.Surveys.GroupsBridge;

/// <summary>Groups as survey audiences: memberships from <see cref="IGroupAccess"/>, asked on every request.</summary>
internal sealed class SurveyGroups(IGroupAccess groups) : ISurveyGroups
{
    public Task<IReadOnlyCollection<long>> MemberGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        groups.GetMemberGroupIdsAsync(user, cancellationToken);

    public async Task<IReadOnlyCollection<long>> ReadableAsync(ClaimsPrincipal user, IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken)
    {
        var readable = await groups.GetReadableGroupIdsAsync(user, cancellationToken);
        return [.. groupIds.Where(readable.Contains)];
    }

    public async Task<IReadOnlyCollection<string>> MemberIdsAsync(IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var groupId in groupIds)
        {
            ids.UnionWith(await groups.GetMemberIdsAsync(groupId, cancellationToken));
        }

        return ids;
    }
}
