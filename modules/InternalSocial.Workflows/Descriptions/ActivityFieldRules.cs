using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Descriptions;

/// <summary>Checks a property against its <see cref="ActivityField"/>: the same description the editor draws.</summary>
internal static class ActivityFieldRules
{
    public static void Validate(ActivityValidation validation, ActivityField field)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(field);
        var node = validation.Properties[field.Key];
        switch (field.Kind)
        {
            case ActivityFieldKind.Duration:
                Durations.Validate(validation, field.Key, field.Required);
                return;
            case ActivityFieldKind.Assignees:
                if (node is not null || field.Required)
                {
                    AssigneeSpecs.Validate(validation, field.Key);
                }

                return;
            case ActivityFieldKind.LocalizedText:
                ValidateLocalizedText(validation, field, node);
                return;
        }

        if (node is null)
        {
            if (field.Required)
            {
                validation.Error(field.Key, field.Hint is { } hint ? validation.T["is required: {0}", hint] : validation.T["is required."]);
            }

            return;
        }

        var problem = field.Kind switch
        {
            ActivityFieldKind.Condition => ConditionProblem(validation, node, field.Key),
            ActivityFieldKind.Number => NumberProblem(validation, field, node),
            _ when node.GetValueKind() != JsonValueKind.String => validation.T["must be text."].Value,
            ActivityFieldKind.Choice when !field.Options.Contains(node.GetValue<string>(), StringComparer.Ordinal) =>
                validation.T["must be one of: {0}.", string.Join(", ", field.Options)].Value,
            ActivityFieldKind.Step => StepProblem(validation, field, node.GetValue<string>()),
            _ when field.MaxLength is { } max && node.GetValue<string>().Length > max => validation.T["must be a text of at most {0} characters.", max].Value,
            _ => null,
        };
        if (problem is not null)
        {
            validation.Error(field.Key, problem);
        }
    }

    private static string? ConditionProblem(ActivityValidation validation, JsonNode node, string key)
    {
        // Conditions report each problem at its own place (condition.fact), so there is none to return here.
        Conditions.Validate(node, key, validation);
        return null;
    }

    private static string? NumberProblem(ActivityValidation validation, ActivityField field, JsonNode node)
    {
        if (node.GetValueKind() != JsonValueKind.Number || !decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return validation.T["must be a number."].Value;
        }

        return number < (field.Min ?? decimal.MinValue) || number > (field.Max ?? decimal.MaxValue)
            ? validation.T["must be a number from {0} to {1}.", field.Min ?? decimal.MinValue, field.Max ?? decimal.MaxValue].Value
            : null;
    }

    private static string? StepProblem(ActivityValidation validation, ActivityField field, string id) =>
        validation.Definition.Activity(id) is { } step && (field.Options.Count == 0 || field.Options.Contains(step.Type, StringComparer.Ordinal))
            ? null
            : validation.T["there is no {0} activity '{1}' in this workflow.", string.Join("/", field.Options), id].Value;

    /// <summary>A text, or one per two-letter language code.</summary>
    private static void ValidateLocalizedText(ActivityValidation validation, ActivityField field, JsonNode? node)
    {
        var max = field.MaxLength ?? int.MaxValue;
        switch (node)
        {
            case null when field.Required:
                validation.Error(field.Key, validation.T["is required: a text, or one per language such as { \"en\": \"…\", \"fr\": \"…\" }."]);
                break;
            case null:
                break;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Length <= max:
                break;
            case JsonObject perLanguage when perLanguage.Count > 0 && perLanguage.All(p => p.Key.Length == 2 && p.Value?.GetValueKind() == JsonValueKind.String && p.Value.GetValue<string>().Length <= max):
                break;
            default:
                validation.Error(field.Key, validation.T["must be a text of at most {0} characters, or one per two-letter language code.", max]);
                break;
        }
    }
}
