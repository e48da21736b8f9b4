using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Services;

/// <summary>
/// Reads a definition from JSON and checks all of it before it is saved: shape, known activity types, transitions
/// between existing activities and outcomes, cycles that could run forever, and each activity's own properties.
/// Every message names the activity (or transition) concerned.
/// </summary>
internal sealed partial class DefinitionValidator(ActivityRegistry registry, AssigneeKeys assigneeKeys, IStringLocalizer<ModuleResources> T)
{
    public const int MaxActivities = 100;
    public const int MaxTransitions = 300;

    /// <summary>Facts that activities add to every instance (the approval's decision).</summary>
    public static readonly IReadOnlyList<string> EngineFacts = ["decision.outcome", "decision.reason", "decision.by"];

    public async Task<WorkflowDefinition?> ParseAndValidateAsync(JsonNode? json, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var definition = DefinitionReader.Parse(json, errors, T);
        if (definition is null || errors.Count > 0)
        {
            return null;
        }

        await ValidateAsync(definition, errors, cancellationToken);
        return errors.Count > 0 ? null : definition;
    }

    public async Task ValidateAsync(WorkflowDefinition definition, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(errors);
        if (!ValidateHeader(definition, errors))
        {
            return;
        }

        var (ids, types) = ValidateActivities(definition, errors);
        ValidateTransitions(definition, ids, types, errors);
        if (errors.Count > 0)
        {
            return;
        }

        foreach (var cycle in WaitlessCycles.Find(definition, types))
        {
            errors[$"activities.{cycle[0]}"] = T["Activities {0} → {1} form a cycle with no activity that waits: it would run forever.", string.Join(" → ", cycle), cycle[0]];
        }

        var facts = new HashSet<string>(EngineFacts, StringComparer.Ordinal);
        foreach (var fact in types.Values.Where(t => t.IsEvent).SelectMany(t => t.Facts))
        {
            facts.Add(fact);
        }

        foreach (var activity in definition.Activities)
        {
            if (types.TryGetValue(activity.Id, out var type))
            {
                var validation = new ActivityValidation(definition, activity, facts, assigneeKeys, errors, T);
                foreach (var field in type.Fields)
                {
                    ActivityFieldRules.Validate(validation, field);
                }

                await type.ValidateAsync(validation, cancellationToken);
            }
        }
    }

    /// <summary>The id, the name and the sizes; false when the definition is too large to look further.</summary>
    private bool ValidateHeader(WorkflowDefinition definition, IDictionary<string, string> errors)
    {
        if (!WorkflowId().IsMatch(definition.Id))
        {
            errors["id"] = T["must be 1 to 80 lower-case letters, digits and dashes."];
        }

        if (definition.Name.Trim().Length is 0 or > 200)
        {
            errors["name"] = T["is required, at most 200 characters."];
        }

        if (definition.Activities.Count > MaxActivities)
        {
            errors["activities"] = T["at most {0} activities.", MaxActivities];
            return false;
        }

        if (definition.Transitions.Count > MaxTransitions)
        {
            errors["transitions"] = T["at most {0} transitions.", MaxTransitions];
            return false;
        }

        return true;
    }

    /// <summary>Each activity's id and type, and the start; returns the valid ids and the types that are known.</summary>
    private (HashSet<string> Ids, Dictionary<string, IActivity> Types) ValidateActivities(WorkflowDefinition definition, IDictionary<string, string> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var activity in definition.Activities)
        {
            if (!ActivityId().IsMatch(activity.Id))
            {
                errors[$"activities.{activity.Id}.id"] = T["Activity '{0}': the id must be 1 to 80 letters, digits, '-' or '_'.", activity.Id];
            }
            else if (!ids.Add(activity.Id))
            {
                errors[$"activities.{activity.Id}.id"] = T["Activity '{0}' is defined twice.", activity.Id];
            }

            if (registry.Find(activity.Type) is { } type)
            {
                types[activity.Id] = type;
            }
            else
            {
                errors[$"activities.{activity.Id}.type"] = T["Activity '{0}': unknown activity type '{1}' (is the feature that provides it enabled?); known: {2}.", activity.Id, activity.Type, string.Join(", ", registry.All.Select(a => a.Type).Order(StringComparer.Ordinal))];
            }
        }

        if (!ids.Contains(definition.Start))
        {
            errors["start"] = T["names the activity '{0}', which is not in the list of activities.", definition.Start];
        }
        else if (types.TryGetValue(definition.Start, out var start) && !start.IsEvent)
        {
            errors["start"] = T["Activity '{0}' ({1}) cannot start a workflow: the start must be an event.", definition.Start, start.Type];
        }

        return (ids, types);
    }

    private void ValidateTransitions(WorkflowDefinition definition, HashSet<string> ids, Dictionary<string, IActivity> types, IDictionary<string, string> errors)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < definition.Transitions.Count; i++)
        {
            var transition = definition.Transitions[i];
            foreach (var (end, field) in new[] { (transition.From, "from"), (transition.To, "to") })
            {
                if (!ids.Contains(end))
                {
                    errors[$"transitions[{i}].{field}"] = T["Transition {0} ({1} → {2}): there is no activity '{3}'.", i, transition.From, transition.To, end];
                }
            }

            if (types.TryGetValue(transition.From, out var from) && ids.Contains(transition.From))
            {
                var outcomes = from.Outcomes(definition.Activity(transition.From)!.Properties);
                if (!outcomes.Contains(transition.Outcome, StringComparer.Ordinal))
                {
                    errors[$"transitions[{i}].outcome"] = T["Transition {0}: activity '{1}' ({2}) has no outcome '{3}'; its outcomes: {4}.", i, transition.From, from.Type, transition.Outcome, string.Join(", ", outcomes)];
                }
            }

            if (!seen.Add((transition.From, transition.Outcome)))
            {
                errors[$"transitions[{i}].outcome"] = T["Transition {0}: activity '{1}' already has a transition for outcome '{2}'.", i, transition.From, transition.Outcome];
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkflowId();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActivityId();
}
