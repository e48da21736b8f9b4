using System.Security.Claims;

namespace InternalSocial.Newsletter.Services;

internal sealed class NoNewsletterGroups : INewsletterGroups
{
    public bool Enabled => false;

    public Task<IReadOnlyList<AudienceGroup>> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AudienceGroup>>([]);

    public Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, string>>(new Dictionary<long, string>());

    public Task<IReadOnlyCollection<string>> GetMemberIdsAsync(long groupId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([]);
}
