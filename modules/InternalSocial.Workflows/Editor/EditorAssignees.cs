using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Descriptions;

namespace InternalSocial.Workflows.Editor;

/// <summary>Assignees as one input per key: names and facts separated by commas, a check box for a key that is only true.</summary>
internal static class EditorAssignees
{
    public static bool Take(JsonNode? node, IReadOnlyList<AssigneeKey> keys, IDictionary<string, string?> values)
    {
        if (node is not JsonArray list || !list.All(spec => IsSimple(spec, keys)))
        {
            return false;
        }

        var specs = list.OfType<JsonObject>().Select(a => a.First()).ToList();
        foreach (var key in keys)
        {
            var mine = specs.Where(s => s.Key == key.Key).ToList();
            values[key.FormName] = key.Value == AssigneeValue.True
                ? (mine.Count > 0 ? "true" : null)
                : string.Join(", ", mine.Select(s => s.Value!.GetValue<string>()));
        }

        return true;
    }

    public static JsonNode? Put(IReadOnlyDictionary<string, string?> values, IReadOnlyList<AssigneeKey> keys)
    {
        var assignees = new JsonArray();
        foreach (var key in keys)
        {
            var value = values.GetValueOrDefault(key.FormName);
            if (key.Value == AssigneeValue.True)
            {
                if (bool.TryParse(value, out var on) && on)
                {
                    assignees.Add(new JsonObject { [key.Key] = true });
                }

                continue;
            }

            foreach (var item in EditorFieldValues.Split(value))
            {
                assignees.Add(new JsonObject { [key.Key] = item });
            }
        }

        return assignees.Count > 0 ? assignees : null;
    }

    private static bool IsSimple(JsonNode? node, IReadOnlyList<AssigneeKey> keys) =>
        node is JsonObject { Count: 1 } spec && spec.First() is var (name, value) && keys.FirstOrDefault(k => k.Key == name) is { } key
        && (key.Value == AssigneeValue.True ? value?.GetValueKind() == JsonValueKind.True : value is JsonValue text && text.GetValueKind() == JsonValueKind.String);
}
