using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel.Recipes;

/// <summary>Replaces <c>{{name}}</c> in a step's strings by the variables' values; an undefined variable is an error naming the field.</summary>
internal static partial class RecipeVariables
{
    public static JsonNode? Substitute(JsonNode? node, IReadOnlyDictionary<string, string> values, Recipe recipe, int index, string stepName, string path, List<RecipeError> errors, IStringLocalizer T)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Substitute(obj[key]?.DeepClone(), values, recipe, index, stepName, path.Length == 0 ? key : $"{path}.{key}", errors, T);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Substitute(array[i]?.DeepClone(), values, recipe, index, stepName, $"{path}[{i}]", errors, T);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("{{", StringComparison.Ordinal):
                var result = VariablePattern().Replace(text, match =>
                {
                    var name = match.Groups[1].Value;
                    if (values.TryGetValue(name, out var replacement))
                    {
                        return replacement;
                    }

                    errors.Add(new RecipeError(recipe.FileName, index, stepName, path, T["uses the undefined variable '{0}'.", name]));
                    return match.Value;
                });
                return JsonValue.Create(result);
            default:
                return node;
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex VariablePattern();
}
