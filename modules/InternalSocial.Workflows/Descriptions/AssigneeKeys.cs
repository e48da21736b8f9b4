using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Descriptions;

/// <summary>The assignee keys as the tenant sees them: all of them, which work (their scope is registered), their texts.</summary>
internal sealed class AssigneeKeys(AssigneeKeyCatalog catalog, IEnumerable<IAssigneeScope> scopes, IStringLocalizerFactory texts) : IAssigneeKeys
{
    private readonly HashSet<string> _kinds = scopes.Select(s => s.Kind).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<AssigneeKey> All => catalog.All;

    public AssigneeKey? Find(string key) => catalog.All.FirstOrDefault(k => k.Key == key);

    public bool Works(AssigneeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _kinds.Contains(key.ScopeKind);
    }

    public LocalizedString Label(AssigneeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Label(texts);
    }

    public string FeatureName(AssigneeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.FeatureName(texts)?.Value ?? key.FeatureId ?? key.Key;
    }
}
