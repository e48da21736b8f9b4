using System.Text.Json;
using System.Text.Json.Nodes;

namespace InternalSocial.Workflows.Editor;

/// <summary>A condition as three inputs (fact, operator, value) when it is that simple: <c>{ "fact": "…", "equals": … }</c>.</summary>
internal static class EditorConditions
{
    public static bool Take(JsonNode? node, string name, IDictionary<string, string?> values)
    {
        if (node is JsonObject condition && condition.Count == 2 && condition["fact"] is JsonValue fact && fact.GetValueKind() == JsonValueKind.String
            && condition.FirstOrDefault(p => p.Key != "fact") is { Key: { } op } pair && WorkflowEditorModel.Operators.Contains(op))
        {
            values[name + "Fact"] = fact.GetValue<string>();
            values[name + "Operator"] = op;
            values[name + "Value"] = pair.Value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : pair.Value?.ToJsonString() ?? "null";
            return true;
        }

        return false;
    }

    public static JsonNode? Put(IReadOnlyDictionary<string, string?> values, string name)
    {
        var fact = values.GetValueOrDefault(name + "Fact");
        if (string.IsNullOrWhiteSpace(fact))
        {
            return null;
        }

        var chosen = values.GetValueOrDefault(name + "Operator");
        var op = chosen is not null && WorkflowEditorModel.Operators.Contains(chosen) ? chosen : "equals";
        return new JsonObject { ["fact"] = fact.Trim(), [op] = ValueNode(values.GetValueOrDefault(name + "Value"), op) };
    }

    private static JsonNode? ValueNode(string? value, string op)
    {
        var text = value?.Trim() ?? "";
        try
        {
            if (text.Length > 0)
            {
                return JsonNode.Parse(text);
            }
        }
        catch (JsonException)
        {
            // Not JSON: plain text, or for lists, words separated by commas.
        }

        return op is "in" or "containsAny" ? new JsonArray([.. EditorFieldValues.Split(text).Select(s => (JsonNode?)JsonValue.Create(s))]) : JsonValue.Create(text);
    }
}
