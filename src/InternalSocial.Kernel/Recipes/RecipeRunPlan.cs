using System.Text.Json.Nodes;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// Turns the flattened steps of a run (the recipe with those it includes) into the steps to apply, one definition per
/// key: when a later step defines a key again (a workflow, a role, a group, the settings), the two are merged into one
/// (<see cref="RecipeStepItems.Merge"/>), which is applied where the key first appears, and the later copy is not applied
/// at all. So a recipe ends in one state whatever the order its parts save in, and nothing is saved that a later part
/// would change again. Steps left with no definition are dropped.
/// </summary>
public static class RecipeRunPlan
{
    public static IReadOnlyList<RecipeStep> OneDefinitionPerKey(IReadOnlyList<RecipeStep> steps, IEnumerable<IRecipeStepHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(handlers);
        var keyed = new Dictionary<string, RecipeStepItems>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (handler.Items is { } items)
            {
                keyed[handler.StepName] = items;
            }
        }

        // Copies: the steps as validated stay as the recipe wrote them.
        var data = steps.Select(s => (JsonObject)s.Data.DeepClone()).ToList();
        var dropped = new bool[steps.Count];
        var seen = new Dictionary<(string Step, string Key), (int Index, JsonObject Definition)>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (!keyed.TryGetValue(steps[i].Name, out var items))
            {
                continue;
            }

            if (items.Field is null)
            {
                dropped[i] = Fold(seen, (steps[i].Name, ""), i, data[i], items, merged => data[seen[(steps[i].Name, "")].Index] = merged);
                continue;
            }

            if (data[i][items.Field] is not JsonArray list || list.Count == 0)
            {
                continue;
            }

            foreach (var definition in list.OfType<JsonObject>().ToList())
            {
                if (RecipeStepReader.TextOf(definition, items.Key) is not { } name)
                {
                    continue;
                }

                var key = (steps[i].Name, items.NormalizeKey(name));
                if (Fold(seen, key, i, definition, items, merged => Replace(data[seen[key].Index][items.Field]!.AsArray(), seen[key].Definition, merged)))
                {
                    list.Remove(definition);
                }
            }

            // A step with more than its list (people also generate some) still has work to do.
            dropped[i] = list.Count == 0 && data[i].All(p => p.Key == "name" || p.Key == items.Field);
        }

        return [.. steps.Select((step, i) => step with { Data = data[i] }).Where((_, i) => !dropped[i])];
    }

    /// <summary>
    /// Merges <paramref name="definition"/> into the first definition of its key, if any and if they merge; then the
    /// later one is not applied (true). Otherwise it becomes the one that later definitions merge into.
    /// </summary>
    private static bool Fold(Dictionary<(string, string), (int Index, JsonObject Definition)> seen, (string, string) key, int index, JsonObject definition, RecipeStepItems items, Action<JsonObject> put)
    {
        if (seen.TryGetValue(key, out var first) && items.Merge(first.Definition, definition) is { } merged)
        {
            // A merge may hand back one of its own arguments, which still belongs to its step.
            merged = merged.Parent is null ? merged : (JsonObject)merged.DeepClone();
            put(merged);
            seen[key] = (first.Index, merged);
            return true;
        }

        seen[key] = (index, definition);
        return false;
    }

    private static void Replace(JsonArray list, JsonObject old, JsonObject merged) => list[list.IndexOf(old)] = merged;
}
