using System.Security.Claims;
using InternalSocial.Groups.Abstractions;
using InternalSocial.Newsletter.Services;

namespace InternalSocial.Newsletter.GroupsBridge;

internal sealed class GroupsNewsletterAudience(IGroupAccess groups) : INewsletterGroups
{
    /// <summary>Bounds the choice list of the edition form.</summary>
    public const int MaxChoices = 300;

    public bool Enabled => true;

    public async Task<IReadOnlyList<AudienceGroup>> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var ids = (await groups.GetReadableGroupIdsAsync(user, cancellationToken)).Take(MaxChoices).ToList();
        var names = await groups.GetNamesAsync(ids, user, cancellationToken);
        return [.. names.Select(n => new AudienceGroup(n.Key, n.Value)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        groups.GetNamesAsync(groupIds, user, cancellationToken);

    public Task<IReadOnlyCollection<string>> GetMemberIdsAsync(long groupId, CancellationToken cancellationToken) =>
        groups.GetMemberIdsAsync(groupId, cancellationToken);
}
