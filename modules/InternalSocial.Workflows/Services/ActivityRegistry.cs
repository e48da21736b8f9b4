using InternalSocial.Workflows.Abstractions.Activities;

namespace InternalSocial.Workflows.Services;

/// <summary>The activity types of the tenant's enabled features, by type name.</summary>
internal sealed class ActivityRegistry(IEnumerable<IActivity> activities)
{
    private readonly Dictionary<string, IActivity> _byType = activities.GroupBy(a => a.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public IReadOnlyCollection<IActivity> All => _byType.Values;

    public IActivity? Find(string type) => _byType.GetValueOrDefault(type);
}
