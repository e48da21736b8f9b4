using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Descriptions;

namespace InternalSocial.Workflows.Editor;

/// <summary>
/// Moves a described property between the definition's JSON and the editor's inputs. A property of a shape the inputs
/// cannot show (a condition with "all", a text per three languages) stays in the JSON box.
/// </summary>
internal static class EditorFieldValues
{
    public static void Take(ActivityField field, JsonObject properties, IDictionary<string, string?> values, IReadOnlyList<AssigneeKey> keys)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(keys);
        var node = properties[field.Key];
        var taken = field.Kind switch
        {
            ActivityFieldKind.Condition => EditorConditions.Take(node, field.FormName, values),
            ActivityFieldKind.Assignees => EditorAssignees.Take(node, keys, values),
            ActivityFieldKind.LocalizedText => TakeTexts(node, field.FormName, values),
            ActivityFieldKind.Number when node?.GetValueKind() == JsonValueKind.Number => Set(values, field.FormName, node.ToJsonString()),
            _ when node is JsonValue text && text.GetValueKind() == JsonValueKind.String => Set(values, field.FormName, text.GetValue<string>()),
            _ => false,
        };
        if (taken)
        {
            properties.Remove(field.Key);
        }
    }

    public static void Put(ActivityField field, JsonObject properties, IReadOnlyDictionary<string, string?> values, IReadOnlyList<AssigneeKey> keys)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(values);
        var node = field.Kind switch
        {
            ActivityFieldKind.Condition => EditorConditions.Put(values, field.FormName),
            ActivityFieldKind.Assignees => EditorAssignees.Put(values, keys),
            ActivityFieldKind.LocalizedText => PutTexts(values.GetValueOrDefault(field.FormName), values.GetValueOrDefault(field.FormName + "Fr")),
            ActivityFieldKind.Number => Number(values.GetValueOrDefault(field.FormName)),
            _ => Text(values.GetValueOrDefault(field.FormName)),
        };
        if (node is not null)
        {
            properties[field.Key] = node;
        }
    }

    internal static bool Set(IDictionary<string, string?> values, string name, string? value)
    {
        values[name] = value;
        return true;
    }

    internal static JsonNode? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : JsonValue.Create(value.Trim());

    internal static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A number as a number; anything else as text, for the check to name the problem.</summary>
    private static JsonNode? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : Text(value);

    /// <summary>A text, or English and French of a per-language text; other shapes stay in the JSON box.</summary>
    private static bool TakeTexts(JsonNode? node, string name, IDictionary<string, string?> values)
    {
        switch (node)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                values[name] = value.GetValue<string>();
                return true;
            case JsonObject languages when languages.All(l => l.Key is "en" or "fr" && l.Value?.GetValueKind() == JsonValueKind.String):
                values[name] = languages["en"]?.GetValue<string>();
                values[name + "Fr"] = languages["fr"]?.GetValue<string>();
                return true;
            default:
                return false;
        }
    }

    private static JsonNode? PutTexts(string? english, string? french)
    {
        if (string.IsNullOrWhiteSpace(french))
        {
            return Text(english);
        }

        var languages = new JsonObject();
        if (!string.IsNullOrWhiteSpace(english))
        {
            languages["en"] = english.Trim();
        }

        languages["fr"] = french.Trim();
        return languages;
    }
}
