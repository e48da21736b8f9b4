namespace InternalSocial.Kernel.Modules;

/// <summary>Topological sort that keeps the input order where dependencies allow, and names the cycle it finds.</summary>
public static class DependencyOrder
{
    public static IReadOnlyList<T> Sort<T>(IReadOnlyList<T> items, Func<T, string> idOf, Func<T, IEnumerable<string>> dependenciesOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        var byId = items.ToDictionary(idOf, StringComparer.Ordinal);
        var sorted = new List<T>(items.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        foreach (var item in items)
        {
            Visit(idOf(item));
        }

        return sorted;

        void Visit(string id)
        {
            if (done.Contains(id) || !byId.TryGetValue(id, out var item))
            {
                return;
            }

            var loopStart = path.IndexOf(id);
            if (loopStart >= 0)
            {
                var cycle = path.Skip(loopStart).Append(id);
                throw new ModuleCatalogException($"Feature dependency cycle: {string.Join(" -> ", cycle)}.");
            }

            path.Add(id);
            foreach (var dependency in dependenciesOf(item))
            {
                Visit(dependency);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(id);
            sorted.Add(item);
        }
    }
}
