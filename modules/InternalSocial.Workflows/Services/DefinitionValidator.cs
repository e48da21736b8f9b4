using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Services;

/// <summary>The activity types of the tenant's enabled features, by type name.</summary>
public sealed class ActivityRegistry(IEnumerable<IActivity> activities)
{
    private readonly Dictionary<string, IActivity> _byType = activities.GroupBy(a => a.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public IReadOnlyCollection<IActivity> All => _byType.Values;

    public IActivity? Find(string type) => _byType.GetValueOrDefault(type);
}

/// <summary>
/// Reads a definition from JSON and checks all of it before it is saved: shape, known activity types, transitions
/// between existing activities and outcomes, cycles that could run forever, and each activity's own properties.
/// Every message names the activity (or transition) concerned.
/// </summary>
public sealed partial class DefinitionValidator(ActivityRegistry registry, IEnumerable<IAssigneeScope> assigneeScopes, IStringLocalizer<ModuleResources> T)
{
    public const int MaxActivities = 100;
    public const int MaxTransitions = 300;

    /// <summary>Facts that activities add to every instance (the approval's decision).</summary>
    public static readonly IReadOnlyList<string> EngineFacts = ["decision.outcome", "decision.reason", "decision.by"];

    private static readonly string[] DefinitionFields = ["id", "name", "description", "enabled", "start", "activities", "transitions"];

    public async Task<WorkflowDefinition?> ParseAndValidateAsync(JsonNode? json, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var definition = Parse(json, errors, T);
        if (definition is null || errors.Count > 0)
        {
            return null;
        }

        await ValidateAsync(definition, errors, cancellationToken);
        return errors.Count > 0 ? null : definition;
    }

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

        return definition;
    }

    public async Task ValidateAsync(WorkflowDefinition definition, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(errors);
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
            return;
        }

        if (definition.Transitions.Count > MaxTransitions)
        {
            errors["transitions"] = T["at most {0} transitions.", MaxTransitions];
            return;
        }

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

        if (errors.Count > 0)
        {
            return;
        }

        foreach (var cycle in CyclesWithoutWait(definition, types))
        {
            errors[$"activities.{cycle[0]}"] = T["Activities {0} → {1} form a cycle with no activity that waits: it would run forever.", string.Join(" → ", cycle), cycle[0]];
        }

        var facts = new HashSet<string>(EngineFacts, StringComparer.Ordinal);
        foreach (var fact in types.Values.Where(t => t.IsEvent).SelectMany(t => t.Facts))
        {
            facts.Add(fact);
        }

        var assigneeKinds = assigneeScopes.Select(s => s.Kind).ToHashSet(StringComparer.Ordinal);
        foreach (var activity in definition.Activities)
        {
            if (types.TryGetValue(activity.Id, out var type))
            {
                await type.ValidateAsync(new ActivityValidation(definition, activity, facts, assigneeKinds, errors, T), cancellationToken);
            }
        }
    }

    /// <summary>Cycles of the transition graph (strongly connected parts) in which no activity can wait.</summary>
    private static List<List<string>> CyclesWithoutWait(WorkflowDefinition definition, Dictionary<string, IActivity> types)
    {
        var edges = definition.Transitions.GroupBy(t => t.From).ToDictionary(g => g.Key, g => g.Select(t => t.To).Distinct().ToList());
        var index = 0;
        var indexes = new Dictionary<string, int>();
        var lowLinks = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<List<string>>();

        void Connect(string node)
        {
            indexes[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (!indexes.TryGetValue(next, out var nextIndex))
                {
                    Connect(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], nextIndex);
                }
            }

            if (lowLinks[node] != indexes[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);

            var isCycle = component.Count > 1 || (edges.GetValueOrDefault(node)?.Contains(node) ?? false);
            if (isCycle && !component.Any(id => types.TryGetValue(id, out var type) && type.CanWait))
            {
                component.Reverse();
                cycles.Add(component);
            }
        }

        foreach (var activity in definition.Activities.Where(a => !indexes.ContainsKey(a.Id)))
        {
            Connect(activity.Id);
        }

        return cycles;
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

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkflowId();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActivityId();
}
