using System.Reflection;

namespace InternalSocial.Kernel.Modules;

/// <summary>
/// Every feature of every module the host references, in dependency order (a feature comes after all it depends
/// on). Built once at start; a missing dependency, a duplicate id or a cycle stops the host with a message
/// naming them.
/// </summary>
public sealed class FeatureCatalog
{
    private readonly Dictionary<string, FeatureInfo> _byId;
    private readonly Dictionary<string, int> _rank;
    private readonly Dictionary<string, List<Type>> _startupsByFeature;

    public FeatureCatalog(IEnumerable<Assembly> moduleAssemblies)
        : this(ReadManifests(moduleAssemblies))
    {
    }

    /// <summary>For tests: a catalog of features declared in code rather than in assemblies.</summary>
    internal FeatureCatalog(IReadOnlyList<FeatureInfo> features)
        : this((features, new Dictionary<string, List<Type>>(StringComparer.Ordinal)))
    {
    }

    private FeatureCatalog((IReadOnlyList<FeatureInfo> Features, Dictionary<string, List<Type>> Startups) manifests)
    {
        var features = manifests.Features;
        _startupsByFeature = manifests.Startups;
        Modules = features.Select(f => f.Module).DistinctBy(m => m.Id).ToList();

        var duplicates = features.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ModuleCatalogException($"Feature ids declared more than once: {string.Join(", ", duplicates)}.");
        }

        _byId = features.ToDictionary(f => f.Id, StringComparer.Ordinal);

        var missing = features
            .SelectMany(f => f.Dependencies.Where(d => !_byId.ContainsKey(d)).Select(d => $"'{f.Id}' needs '{d}'"))
            .ToList();
        if (missing.Count > 0)
        {
            throw new ModuleCatalogException($"Missing feature dependencies: {string.Join("; ", missing)}.");
        }

        Features = DependencyOrder.Sort(features, f => f.Id, f => f.Dependencies);
        _rank = Features.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    private static (IReadOnlyList<FeatureInfo>, Dictionary<string, List<Type>>) ReadManifests(IEnumerable<Assembly> moduleAssemblies)
    {
        var features = new List<FeatureInfo>();
        var startupsByFeature = new Dictionary<string, List<Type>>(StringComparer.Ordinal);
        foreach (var assembly in moduleAssemblies.Distinct())
        {
            var moduleAttribute = assembly.GetCustomAttribute<ModuleAttribute>()
                ?? throw new ModuleCatalogException($"Assembly '{assembly.GetName().Name}' is listed as a module but has no [assembly: Module] attribute in its Manifest.cs.");
            var module = new ModuleInfo(moduleAttribute.Id, moduleAttribute.Name, moduleAttribute.Description, moduleAttribute.Category, moduleAttribute.Version, assembly);
            var declared = assembly.GetCustomAttributes<FeatureAttribute>().ToList();
            if (declared.Count == 0)
            {
                declared.Add(new FeatureAttribute(module.Id, module.Name) { Description = module.Description });
            }

            foreach (var attribute in declared)
            {
                features.Add(new FeatureInfo(
                    attribute.Id,
                    attribute.Name,
                    attribute.Description,
                    attribute.Category ?? module.Category,
                    attribute.Dependencies,
                    attribute.IsAlwaysEnabled,
                    attribute.DefaultTenantOnly,
                    module)
                { IsTheme = attribute.IsTheme || attribute.IsAdminTheme, IsAdminTheme = attribute.IsAdminTheme });
            }

            foreach (var startupType in assembly.GetTypes().Where(t => typeof(ModuleStartup).IsAssignableFrom(t) && !t.IsAbstract))
            {
                var featureId = startupType.GetCustomAttribute<ForFeatureAttribute>()?.FeatureId ?? module.Id;
                if (!declared.Any(f => f.Id == featureId))
                {
                    throw new ModuleCatalogException($"Startup '{startupType.FullName}' is bound to feature '{featureId}', which module '{module.Id}' does not declare.");
                }

                if (!startupsByFeature.TryGetValue(featureId, out var list))
                {
                    startupsByFeature[featureId] = list = [];
                }

                list.Add(startupType);
            }
        }

        return (features, startupsByFeature);
    }

    /// <summary>All features, each after every feature it depends on.</summary>
    public IReadOnlyList<FeatureInfo> Features { get; }

    public IReadOnlyList<ModuleInfo> Modules { get; }

    public IEnumerable<FeatureInfo> AlwaysEnabled => Features.Where(f => f.IsAlwaysEnabled);

    public bool Contains(string featureId) => _byId.ContainsKey(featureId);

    public FeatureInfo Get(string featureId) =>
        _byId.TryGetValue(featureId, out var feature) ? feature : throw new UnknownFeatureException(featureId);

    public bool TryGet(string featureId, out FeatureInfo feature) => _byId.TryGetValue(featureId, out feature!);

    /// <summary>The features and everything they need, in dependency order.</summary>
    public IReadOnlyList<FeatureInfo> WithDependencies(IEnumerable<string> featureIds)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(featureIds);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (result.Add(Get(id).Id))
            {
                foreach (var dependency in _byId[id].Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        return InOrder(result);
    }

    /// <summary>The features among <paramref name="candidates"/> that need <paramref name="featureId"/>, directly or not.</summary>
    public IReadOnlyList<FeatureInfo> DependentsOf(string featureId, IEnumerable<string> candidates)
    {
        var candidateSet = candidates.Where(_byId.ContainsKey).ToHashSet(StringComparer.Ordinal);
        return InOrder(candidateSet.Where(c => c != featureId && WithDependencies([c]).Any(d => d.Id == featureId)));
    }

    public IReadOnlyList<FeatureInfo> InOrder(IEnumerable<string> featureIds) =>
        featureIds.Where(_byId.ContainsKey).Distinct().OrderBy(id => _rank[id]).Select(id => _byId[id]).ToList();

    public IReadOnlyList<Type> StartupTypesOf(string featureId) =>
        _startupsByFeature.TryGetValue(featureId, out var types) ? types : [];
}

public sealed class ModuleCatalogException(string message) : Exception(message);

public sealed class UnknownFeatureException(string featureId) : Exception($"Unknown feature '{featureId}'.")
{
    public string FeatureId { get; } = featureId;
}
