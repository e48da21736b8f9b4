using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// Reads the fields of a recipe step, or of an object inside it, and records one error per missing, unknown or
/// mistyped field, named by its path (e.g. <c>roles[1].permissions[0]</c>). Step handlers use it in their validation
/// and read the same fields the same way when they execute.
/// </summary>
public sealed class RecipeStepReader(RecipeStep step, ICollection<RecipeError> errors)
{
    private static IStringLocalizer T => KernelTexts.Shared;

    public RecipeStep Step { get; } = step;

    public void Error(string path, string problem) => errors.Add(Step.Error(path, problem));

    /// <summary>A string field of a step already validated; null when absent.</summary>
    public static string? TextOf(JsonObject node, string field) =>
        node?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Reports fields other than <paramref name="known"/> ("name" is always allowed at the step's top level).</summary>
    public void RejectUnknownFields(JsonObject node, string path, params string[] known)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var (key, _) in node)
        {
            if (!known.Contains(key, StringComparer.Ordinal) && !(path.Length == 0 && key == "name"))
            {
                Error(Join(path, key), T["is not a field of this step; expected one of: {0}.", string.Join(", ", known)]);
            }
        }
    }

    /// <summary>
    /// Reports fields of the step other than <paramref name="first"/> and <paramref name="second"/>, and a step that
    /// gives neither (reported on <paramref name="first"/>).
    /// </summary>
    public void RequireEither(JsonObject node, string first, string second)
    {
        RejectUnknownFields(node, "", first, second);
        if (node[first] is null && node[second] is null)
        {
            Error(first, T["give '{0}', '{1}' or both.", first, second]);
        }
    }

    public string? Text(JsonObject node, string path, string field, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node[field])
        {
            case null when required:
                Error(Join(path, field), T["is required."]);
                return null;
            case null:
                return null;
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (required && string.IsNullOrWhiteSpace(text))
                {
                    Error(Join(path, field), T["must not be empty."]);
                }

                return text;
            default:
                Error(Join(path, field), T["must be a string."]);
                return null;
        }
    }

    public bool? Flag(JsonObject node, string path, string field)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node[field])
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue<bool>(out var flag):
                return flag;
            default:
                Error(Join(path, field), T["must be true or false."]);
                return null;
        }
    }

    /// <summary>An array of strings; malformed entries are reported and left out.</summary>
    public IReadOnlyList<string> Texts(JsonObject node, string path, string field, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node[field])
        {
            case null when required:
                Error(Join(path, field), T["is required."]);
                return [];
            case null:
                return [];
            case JsonArray array:
                var result = new List<string>();
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
                    {
                        result.Add(text);
                    }
                    else
                    {
                        Error($"{Join(path, field)}[{i}]", T["must be a non-empty string."]);
                    }
                }

                return result;
            default:
                Error(Join(path, field), T["must be an array of strings."]);
                return [];
        }
    }

    /// <summary>An array of objects, each with its path; malformed entries are reported and left out.</summary>
    public IReadOnlyList<(JsonObject Node, string Path)> Objects(JsonObject node, string path, string field, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node[field])
        {
            case null when required:
                Error(Join(path, field), T["is required."]);
                return [];
            case null:
                return [];
            case JsonArray array:
                var result = new List<(JsonObject, string)>();
                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = $"{Join(path, field)}[{i}]";
                    if (array[i] is JsonObject item)
                    {
                        result.Add((item, itemPath));
                    }
                    else
                    {
                        Error(itemPath, T["must be an object."]);
                    }
                }

                return result;
            default:
                Error(Join(path, field), T["must be an array of objects."]);
                return [];
        }
    }

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}
