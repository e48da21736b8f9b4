using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Editor;

/// <summary>One step of the editor's form: its id, type and title, its described inputs, and the JSON box for the rest.</summary>
internal sealed class ActivityRow
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string? Id { get; set; }

    public string? Type { get; set; }

    public string? Title { get; set; }

    /// <summary>The properties without an input of their own, as a JSON object.</summary>
    public string? PropertiesJson { get; set; }

    public bool Remove { get; set; }

    /// <summary>The described inputs by form name (<c>EscalateAfter</c>, <c>Roles</c>, <c>ConditionFact</c>), as text.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public string? Value(string formName) => Values.GetValueOrDefault(formName);

    public bool IsChecked(string formName) => bool.TryParse(Value(formName), out var flag) && flag;

    public static ActivityRow From(ActivityDefinition activity, EditorDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(descriptions);
        var properties = (JsonObject)activity.Properties.DeepClone();
        var row = new ActivityRow { Id = activity.Id, Type = activity.Type, Title = activity.Title };
        foreach (var field in descriptions.FieldsOf(activity.Type))
        {
            EditorFieldValues.Take(field, properties, row.Values, descriptions.Keys);
        }

        row.PropertiesJson = properties.Count == 0 ? "" : properties.ToJsonString(Indented);
        return row;
    }

    public JsonObject ToJson(IDictionary<string, string> errors, IStringLocalizer T, EditorDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(descriptions);
        var id = Id?.Trim() ?? "";
        var properties = ParseBox(errors, T, id);
        foreach (var field in descriptions.FieldsOf(Type?.Trim()))
        {
            EditorFieldValues.Put(field, properties, Values, descriptions.Keys);
        }

        var activity = new JsonObject { ["id"] = id, ["type"] = Type?.Trim() ?? "" };
        if (!string.IsNullOrWhiteSpace(Title))
        {
            activity["title"] = Title.Trim();
        }

        if (properties.Count > 0)
        {
            activity["properties"] = properties;
        }

        return activity;
    }

    /// <summary>What the JSON box holds, to know whether an input would hide a key that is there.</summary>
    public bool JsonHas(string key)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(PropertiesJson) && JsonNode.Parse(PropertiesJson) is JsonObject parsed && parsed.ContainsKey(key);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private JsonObject ParseBox(IDictionary<string, string> errors, IStringLocalizer T, string id)
    {
        if (string.IsNullOrWhiteSpace(PropertiesJson))
        {
            return [];
        }

        try
        {
            if (JsonNode.Parse(PropertiesJson) is JsonObject parsed)
            {
                return parsed;
            }

            errors[$"activities.{id}.properties"] = T["Activity '{0}': other properties: must be a JSON object such as {{ \"url\": \"/posts\" }}.", id];
        }
        catch (JsonException exception)
        {
            errors[$"activities.{id}.properties"] = T["Activity '{0}': other properties: not valid JSON: {1}", id, exception.Message];
        }

        return [];
    }
}
