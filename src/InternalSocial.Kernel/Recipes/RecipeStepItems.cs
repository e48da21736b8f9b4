using System.Text.Json.Nodes;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// How the definitions of a step are keyed (a workflow by its id, a role by its name, the site settings as one whole), so
/// that a recipe run, with the recipes it includes flattened into it, saves one definition per key: the earlier ones
/// merged into the last (<see cref="Merge"/>). A key defined twice would otherwise be saved twice, once as the included
/// recipe says and once as the including one does, and every run would change it back and forth.
/// </summary>
/// <param name="Field">The step's list of definitions (<c>"workflows"</c>); null when the whole step is one definition.</param>
/// <param name="Key">The field of a definition that names it (<c>"id"</c>); ignored when <paramref name="Field"/> is null.</param>
/// <param name="Merge">
/// (earlier, later) → the one definition that gives the state applying both in order would give; null when no single
/// definition does (both are then applied, in order).
/// </param>
public sealed record RecipeStepItems(string? Field, string Key, Func<JsonObject, JsonObject, JsonObject?> Merge)
{
    /// <summary>How a key read from a definition compares with another (for example lower-cased).</summary>
    public Func<string, string> NormalizeKey { get; init; } = key => key;

    /// <summary>The later definition replaces the earlier one whole, except <paramref name="kept"/> fields it leaves out.</summary>
    public static RecipeStepItems Replace(string? field, string key, params string[] kept) =>
        new(field, key, (earlier, later) => Keep(earlier, later, kept));

    /// <summary>Absent fields keep their value: the later definition's fields are laid over the earlier one's (objects field by field).</summary>
    public static RecipeStepItems Overlay(string? field, string key) => new(field, key, Overlaid);

    /// <summary>A copy of <paramref name="earlier"/> with every field of <paramref name="later"/> laid over it; nested objects merge the same way.</summary>
    public static JsonObject Overlaid(JsonObject earlier, JsonObject later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var merged = (JsonObject)earlier.DeepClone();
        foreach (var (name, value) in later)
        {
            merged[name] = merged[name] is JsonObject inner && value is JsonObject over ? Overlaid(inner, over) : value?.DeepClone();
        }

        return merged;
    }

    private static JsonObject Keep(JsonObject earlier, JsonObject later, string[] kept)
    {
        var merged = (JsonObject)later.DeepClone();
        foreach (var name in kept.Where(n => later[n] is null && earlier[n] is not null))
        {
            merged[name] = earlier[name]!.DeepClone();
        }

        return merged;
    }
}
