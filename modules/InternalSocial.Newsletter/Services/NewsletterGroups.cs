using System.Security.Claims;

namespace InternalSocial.Newsletter.Services;

public sealed record AudienceGroup(long Id, string Name);

/// <summary>
/// Groups as an audience. The Newsletter module knows nothing of groups; the <c>InternalSocial.Newsletter.Groups</c>
/// bridge answers with the Groups module's public services. Without it, no edition goes to a group.
/// </summary>
public interface INewsletterGroups
{
    bool Enabled { get; }

    /// <summary>The groups the composer may choose from (those whose existence they may know), by name.</summary>
    Task<IReadOnlyList<AudienceGroup>> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Names of the groups among <paramref name="groupIds"/> that the composer may know of; the others are unknown.</summary>
    Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken);

    Task<IReadOnlyCollection<string>> GetMemberIdsAsync(long groupId, CancellationToken cancellationToken);
}

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
