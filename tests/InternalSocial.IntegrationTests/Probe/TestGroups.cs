using System.Collections.Concurrent;
using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>
/// Groups as a test declares them, per tenant, through the feed's seam (<see cref="IPostContainerAccess"/>): what the
/// Groups module will provide. A tenant without a declaration behaves as if there were no groups.
/// </summary>
public sealed class TestGroups
{
    private static readonly ConcurrentDictionary<string, TestGroups> ByTenant = new();

    public Dictionary<long, string> Names { get; } = [];

    /// <summary>Group id → user ids who may read it.</summary>
    public Dictionary<long, HashSet<string>> Readers { get; } = [];

    /// <summary>Group id → user ids whose posts there wait for approval.</summary>
    public Dictionary<long, HashSet<string>> Moderated { get; } = [];

    public static TestGroups Declare(string tenant) => ByTenant.GetOrAdd(tenant, _ => new TestGroups());

    public static TestGroups? Find(string tenant) => ByTenant.GetValueOrDefault(tenant);
}

[RequireFeatures("InternalSocial.Feed")]
public sealed class TestGroupsStartup(ShellSettings shell) : ModuleStartup
{
    public override int Order => 100;

    public override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IPostContainerAccess>(_ => new TestGroupsAccess(shell.Name));
}

internal sealed class TestGroupsAccess(string tenant) : IPostContainerAccess
{
    private TestGroups? Groups => TestGroups.Find(tenant);

    public bool GroupsEnabled => Groups is not null;

    public Task<IReadOnlyCollection<long>> GetReadableGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<long>>(Groups?.Readers.Where(r => r.Value.Contains(Id(user))).Select(r => r.Key).ToList() ?? []);

    public Task<bool> CanReadGroupAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken) =>
        Task.FromResult(Groups?.Readers.GetValueOrDefault(groupId)?.Contains(Id(user)) == true);

    public async Task<GroupPostingDecision> CanPostToGroupAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        if (!await CanReadGroupAsync(user, groupId, cancellationToken))
        {
            return GroupPostingDecision.Forbidden;
        }

        return Groups!.Moderated.GetValueOrDefault(groupId)?.Contains(Id(user)) == true ? GroupPostingDecision.NeedsApproval : GroupPostingDecision.Allowed;
    }

    public Task<IReadOnlyDictionary<long, string>> GetGroupNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, string>>(Groups?.Names.Where(n => groupIds.Contains(n.Key)).ToDictionary() ?? []);

    private static string Id(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
