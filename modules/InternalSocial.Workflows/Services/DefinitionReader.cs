using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Services;

/// <summary>
/// Reads a definition from JSON as it is (recipes, the API, an imported file), naming each field of the wrong shape;
/// <see cref="DefinitionValidator"/> then checks what it means.
/// </summary>
internal static class DefinitionReader
{
    private static readonly string[] DefinitionFields = ["id", "name", "description", "enabled", "start", "activities", "transitions"];

    public static WorkflowDefinition? Parse(JsonNode? json, IDictionary<string, string> errors, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (json is not JsonObject root)
        {
            errors["definition"] = T["must be a JSON object with id, name, start, activities and transitions."];
            return null;
        }

        foreach (var unknown in root.Select(p => p.Key).Where(k => !DefinitionFields.Contains(k)))
        {
            errors[unknown] = T["unknown field; allowed: {0}.", string.Join(", ", DefinitionFields)];
        }

        var definition = new WorkflowDefinition
        {
            Id = Text(root, "id", "id", errors, T, required: true) ?? "",
            Name = Text(root, "name", "name", errors, T, required: true) ?? "",
            Description = Text(root, "description", "description", errors, T) ?? "",
            Start = Text(root, "start", "start", errors, T, required: true) ?? "",
        };
        if (root["enabled"] is { } enabled)
        {
            if (enabled.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                definition.Enabled = enabled.GetValue<bool>();
            }
            else
            {
                errors["enabled"] = T["must be true or false."];
            }
        }

        ReadActivities(root, definition, errors, T);
        ReadTransitions(root, definition, errors, T);
        return definition;
    }

    private static void ReadActivities(JsonObject root, WorkflowDefinition definition, IDictionary<string, string> errors, IStringLocalizer T)
    {
        if (root["activities"] is not JsonArray activities || activities.Count == 0)
        {
            errors["activities"] = T["is required: a non-empty list of activities."];
        }
        else
        {
            for (var i = 0; i < activities.Count; i++)
            {
                var path = $"activities[{i}]";
                if (activities[i] is not JsonObject activity)
                {
                    errors[path] = T["must be an object with id, type and properties."];
                    continue;
                }

                foreach (var unknown in activity.Select(p => p.Key).Where(k => k is not ("id" or "type" or "title" or "properties")))
                {
                    errors[$"{path}.{unknown}"] = T["unknown field; allowed: id, type, title, properties."];
                }

                var properties = activity["properties"];
                if (properties is not (null or JsonObject))
                {
                    errors[$"{path}.properties"] = T["must be an object."];
                }

                definition.Activities.Add(new ActivityDefinition
                {
                    Id = Text(activity, "id", $"{path}.id", errors, T, required: true) ?? "",
                    Type = Text(activity, "type", $"{path}.type", errors, T, required: true) ?? "",
                    Title = Text(activity, "title", $"{path}.title", errors, T),
                    Properties = properties as JsonObject is { } props ? (JsonObject)props.DeepClone() : [],
                });
            }
        }
    }

    private static void ReadTransitions(JsonObject root, WorkflowDefinition definition, IDictionary<string, string> errors, IStringLocalizer T)
    {
        if (root["transitions"] is { } transitionsNode)
        {
            if (transitionsNode is not JsonArray transitions)
            {
                errors["transitions"] = T["must be a list of { from, outcome, to }."];
            }
            else
            {
                for (var i = 0; i < transitions.Count; i++)
                {
                    var path = $"transitions[{i}]";
                    if (transitions[i] is not JsonObject transition)
                    {
                        errors[path] = T["must be an object { from, outcome, to }."];
                        continue;
                    }

                    definition.Transitions.Add(new TransitionDefinition
                    {
                        From = Text(transition, "from", $"{path}.from", errors, T, required: true) ?? "",
                        Outcome = Text(transition, "outcome", $"{path}.outcome", errors, T) ?? ActivityOutcomes.Done,
                        To = Text(transition, "to", $"{path}.to", errors, T, required: true) ?? "",
                    });
                }
            }
        }
    }

    private static string? Text(JsonObject node, string key, string path, IDictionary<string, string> errors, IStringLocalizer T, bool required = false)
    {
        switch (node[key])
        {
            case null when required:
                errors[path] = T["is required."];
                return null;
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            default:
                errors[path] = T["must be text."];
                return null;
        }
    }
}
