using InternalSocial.Kernel.Modules;
using InternalSocial.Workflows.Abstractions.Assignees;

namespace InternalSocial.Workflows.Descriptions;

/// <summary>Every <see cref="AssigneeKey"/> of every module the host knows, enabled or not, in their order.</summary>
internal sealed class AssigneeKeyCatalog(FeatureCatalog features)
{
    private readonly Lazy<IReadOnlyList<AssigneeKey>> _keys = new(() =>
    [
        .. features.Modules.Select(m => m.Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(AssigneeKey)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (AssigneeKey)Activator.CreateInstance(t)!)
            .OrderBy(k => k.Order)
            .ThenBy(k => k.Key, StringComparer.Ordinal),
    ]);

    public IReadOnlyList<AssigneeKey> All => _keys.Value;
}
