using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Controllers;

/// <summary>
/// The structured editor's form: a definition as fields, so nobody has to write JSON. The common properties have
/// their own fields; whatever else an activity has stays in its "other properties" JSON box. A dedicated field that is
/// filled wins over the same key in the box; an empty one leaves the box as it is.
/// </summary>
public sealed class WorkflowEditorModel
{
    public static readonly string[] Operators = ["equals", "notEquals", "in", "containsAny", "exists", "greaterThan", "lessThan"];

    /// <summary>Null when creating a new workflow; the id of the one edited otherwise.</summary>
    public string? OriginalId { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool Enabled { get; set; } = true;

    public string? Start { get; set; }

    public List<ActivityRow> Activities { get; set; } = [];

    public List<TransitionRow> Transitions { get; set; } = [];

    public static WorkflowEditorModel From(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new WorkflowEditorModel
        {
            OriginalId = definition.Id,
            Id = definition.Id,
            Name = definition.Name,
            Description = definition.Description,
            Enabled = definition.Enabled,
            Start = definition.Start,
            Activities = [.. definition.Activities.Select(ActivityRow.From)],
            Transitions = [.. definition.Transitions.Select(t => new TransitionRow { From = t.From, Outcome = t.Outcome, To = t.To })],
        };
    }

    /// <summary>
    /// The definition as the API takes it. <paramref name="errors"/> gets the form's own problems (a JSON box that is
    /// not JSON); <paramref name="transitionRows"/> maps each transition of the JSON back to its row of the form.
    /// </summary>
    public JsonObject ToJson(IDictionary<string, string> errors, IStringLocalizer T, out List<int> transitionRows)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var activities = new JsonArray();
        foreach (var row in Activities.Where(a => !a.Remove))
        {
            activities.Add(row.ToJson(errors, T));
        }

        transitionRows = [];
        var transitions = new JsonArray();
        for (var i = 0; i < Transitions.Count; i++)
        {
            var row = Transitions[i];
            if (row.Remove || (string.IsNullOrWhiteSpace(row.From) && string.IsNullOrWhiteSpace(row.To)))
            {
                continue;
            }

            var transition = new JsonObject { ["from"] = row.From?.Trim() ?? "", ["to"] = row.To?.Trim() ?? "" };
            if (!string.IsNullOrWhiteSpace(row.Outcome))
            {
                transition["outcome"] = row.Outcome.Trim();
            }

            transitions.Add(transition);
            transitionRows.Add(i);
        }

        return new JsonObject
        {
            ["id"] = Id?.Trim() ?? "",
            ["name"] = Name?.Trim() ?? "",
            ["description"] = Description?.Trim() ?? "",
            ["enabled"] = Enabled,
            ["start"] = Start?.Trim() ?? "",
            ["activities"] = activities,
            ["transitions"] = transitions,
        };
    }
}

public sealed class ActivityRow
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public string? Title { get; set; }

    /// <summary>The properties without a field of their own, as a JSON object.</summary>
    public string? PropertiesJson { get; set; }

    public string? ConditionFact { get; set; }

    public string? ConditionOperator { get; set; }

    public string? ConditionValue { get; set; }

    /// <summary>Role names, separated by commas.</summary>
    public string? Roles { get; set; }

    /// <summary>User names, separated by commas.</summary>
    public string? Users { get; set; }

    public bool GroupModerators { get; set; }

    /// <summary>Facts holding a user id (post.authorId), separated by commas.</summary>
    public string? AssigneeFacts { get; set; }

    public string? EscalateAfter { get; set; }

    public string? Duration { get; set; }

    /// <summary>For <c>escalate</c>: the approval activity whose task moves.</summary>
    public string? Task { get; set; }

    public string? NotifyTitle { get; set; }

    public string? NotifyTitleFr { get; set; }

    public string? NotifyBody { get; set; }

    public string? NotifyBodyFr { get; set; }

    public bool Remove { get; set; }

    /// <summary>Which property <c>assignees</c> holds for this type: <c>to</c> for notify.</summary>
    public static string AssigneesKey(string? type) => type == "notify" ? "to" : "assignees";

    public static bool HasCondition(string? type, ActivityRegistry registry) =>
        type == "if" || (type is not null && registry.Find(type) is { IsEvent: true });

    public static bool HasAssignees(string? type) => type is "approval" or "escalate" or "notify";

    public static ActivityRow From(ActivityDefinition activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var properties = (JsonObject)activity.Properties.DeepClone();
        var row = new ActivityRow { Id = activity.Id, Type = activity.Type, Title = activity.Title };
        if (properties["condition"] is JsonObject condition && condition.Count == 2 && condition["fact"] is JsonValue fact && fact.GetValueKind() == JsonValueKind.String
            && condition.FirstOrDefault(p => p.Key != "fact") is { Key: { } op } pair && WorkflowEditorModel.Operators.Contains(op))
        {
            row.ConditionFact = fact.GetValue<string>();
            row.ConditionOperator = op;
            row.ConditionValue = pair.Value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : pair.Value?.ToJsonString() ?? "null";
            properties.Remove("condition");
        }

        var key = AssigneesKey(activity.Type);
        if (HasAssignees(activity.Type) && properties[key] is JsonArray assignees && assignees.All(IsSimpleAssignee))
        {
            var specs = assignees.OfType<JsonObject>().Select(a => a.First()).ToList();
            row.Roles = string.Join(", ", specs.Where(s => s.Key == "role").Select(s => s.Value!.GetValue<string>()));
            row.Users = string.Join(", ", specs.Where(s => s.Key == "user").Select(s => s.Value!.GetValue<string>()));
            row.AssigneeFacts = string.Join(", ", specs.Where(s => s.Key == "fact").Select(s => s.Value!.GetValue<string>()));
            row.GroupModerators = specs.Any(s => s.Key == "groupModerators");
            properties.Remove(key);
        }

        row.EscalateAfter = TakeText(properties, "escalateAfter", activity.Type == "approval");
        row.Duration = TakeText(properties, "duration", activity.Type == "delay");
        row.Task = TakeText(properties, "task", activity.Type == "escalate");
        if (activity.Type == "notify")
        {
            (row.NotifyTitle, row.NotifyTitleFr) = TakeTexts(properties, "title");
            (row.NotifyBody, row.NotifyBodyFr) = TakeTexts(properties, "body");
        }

        row.PropertiesJson = properties.Count == 0 ? "" : properties.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return row;
    }

    public JsonObject ToJson(IDictionary<string, string> errors, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var id = Id?.Trim() ?? "";
        JsonObject properties = [];
        if (!string.IsNullOrWhiteSpace(PropertiesJson))
        {
            try
            {
                if (JsonNode.Parse(PropertiesJson) is JsonObject parsed)
                {
                    properties = parsed;
                }
                else
                {
                    errors[$"activities.{id}.properties"] = T["Activity '{0}': other properties: must be a JSON object such as {{ \"url\": \"/posts\" }}.", id];
                }
            }
            catch (JsonException exception)
            {
                errors[$"activities.{id}.properties"] = T["Activity '{0}': other properties: not valid JSON: {1}", id, exception.Message];
            }
        }

        if (!string.IsNullOrWhiteSpace(ConditionFact))
        {
            var op = WorkflowEditorModel.Operators.Contains(ConditionOperator) ? ConditionOperator! : "equals";
            properties["condition"] = new JsonObject { ["fact"] = ConditionFact.Trim(), [op] = ConditionValueNode(op) };
        }

        var assignees = new JsonArray();
        foreach (var role in Split(Roles))
        {
            assignees.Add(new JsonObject { ["role"] = role });
        }

        foreach (var user in Split(Users))
        {
            assignees.Add(new JsonObject { ["user"] = user });
        }

        if (GroupModerators)
        {
            assignees.Add(new JsonObject { ["groupModerators"] = true });
        }

        foreach (var fact in Split(AssigneeFacts))
        {
            assignees.Add(new JsonObject { ["fact"] = fact });
        }

        if (assignees.Count > 0)
        {
            properties[AssigneesKey(Type)] = assignees;
        }

        SetText(properties, "escalateAfter", EscalateAfter);
        SetText(properties, "duration", Duration);
        SetText(properties, "task", Task);
        SetTexts(properties, "title", NotifyTitle, NotifyTitleFr);
        SetTexts(properties, "body", NotifyBody, NotifyBodyFr);
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

    /// <summary>What the JSON box holds, to know whether a dedicated field would hide a key that is there.</summary>
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

    private JsonNode? ConditionValueNode(string op)
    {
        var text = ConditionValue?.Trim() ?? "";
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

        return op is "in" or "containsAny" ? new JsonArray([.. Split(text).Select(s => (JsonNode?)JsonValue.Create(s))]) : JsonValue.Create(text);
    }

    private static bool IsSimpleAssignee(JsonNode? node) =>
        node is JsonObject { Count: 1 } spec && spec.First() is var (key, value) && key switch
        {
            "role" or "user" or "fact" => value is JsonValue text && text.GetValueKind() == JsonValueKind.String,
            "groupModerators" => value?.GetValueKind() == JsonValueKind.True,
            _ => false,
        };

    private static string? TakeText(JsonObject properties, string key, bool applies)
    {
        if (applies && properties[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            properties.Remove(key);
            return value.GetValue<string>();
        }

        return null;
    }

    /// <summary>A text, or English and French of a per-language text; other shapes stay in the JSON box.</summary>
    private static (string? English, string? French) TakeTexts(JsonObject properties, string key)
    {
        switch (properties[key])
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                properties.Remove(key);
                return (value.GetValue<string>(), null);
            case JsonObject languages when languages.All(l => l.Key is "en" or "fr" && l.Value?.GetValueKind() == JsonValueKind.String):
                properties.Remove(key);
                return (languages["en"]?.GetValue<string>(), languages["fr"]?.GetValue<string>());
            default:
                return (null, null);
        }
    }

    private static void SetText(JsonObject properties, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            properties[key] = value.Trim();
        }
    }

    private static void SetTexts(JsonObject properties, string key, string? english, string? french)
    {
        if (string.IsNullOrWhiteSpace(french))
        {
            SetText(properties, key, english);
        }
        else
        {
            var languages = new JsonObject();
            if (!string.IsNullOrWhiteSpace(english))
            {
                languages["en"] = english.Trim();
            }

            languages["fr"] = french.Trim();
            properties[key] = languages;
        }
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class TransitionRow
{
    public string? From { get; set; }

    /// <summary>Empty means "done".</summary>
    public string? Outcome { get; set; }

    public string? To { get; set; }

    public bool Remove { get; set; }
}

/// <summary>What the editor page needs besides the form: the choices of its selects and the errors by place.</summary>
public sealed class WorkflowEditorViewModel
{
    public required WorkflowEditorModel Form { get; init; }

    public required IReadOnlyList<ActivityTypeView> Types { get; init; }

    public required IReadOnlyList<string> Facts { get; init; }

    /// <summary>Outcomes each activity of the form can end with, for the transitions' selects.</summary>
    public required IReadOnlyList<string> Outcomes { get; init; }

    /// <summary>Problems keyed as the service names them (<c>activities.{id}.{field}</c>, <c>transitions[i].to</c>, <c>name</c>).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>Transition errors by row of the form (the JSON skips removed rows).</summary>
    public IReadOnlyDictionary<int, List<string>> TransitionErrors { get; init; } = new Dictionary<int, List<string>>();

    public bool IsNew => Form.OriginalId is null;

    public IEnumerable<string> ErrorsOfActivity(ActivityRow row, int index)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.Id?.Trim() ?? "";
        return Errors.Where(e => e.Key == $"activities.{id}" || e.Key.StartsWith($"activities.{id}.", StringComparison.Ordinal) || e.Key.StartsWith($"activities[{index}]", StringComparison.Ordinal))
            .Select(e => e.Value);
    }

    public string? ErrorOf(string key) => Errors.GetValueOrDefault(key);

    public static IReadOnlyList<string> AllOutcomes(WorkflowEditorModel form, ActivityRegistry registry, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(registry);
        var outcomes = new SortedSet<string>(StringComparer.Ordinal) { ActivityOutcomes.Done };
        foreach (var row in form.Activities.Where(a => a.Type is not null))
        {
            if (registry.Find(row.Type!) is { } type)
            {
                var errors = new Dictionary<string, string>();
                var properties = row.ToJson(errors, T)["properties"] as JsonObject ?? [];
                foreach (var outcome in type.Outcomes(properties))
                {
                    outcomes.Add(outcome);
                }
            }
        }

        outcomes.Add(ApprovalActivity.TimedOut);
        return [.. outcomes];
    }
}
