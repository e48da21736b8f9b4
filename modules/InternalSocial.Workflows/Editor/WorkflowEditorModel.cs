using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Editor;

/// <summary>
/// The structured editor's form: a definition as fields, so nobody has to write JSON. The properties an activity type
/// describes have their own inputs; whatever else an activity has stays in its "other properties" JSON box. An input
/// that is filled wins over the same key in the box; an empty one leaves the box as it is.
/// </summary>
internal sealed class WorkflowEditorModel
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

    public static WorkflowEditorModel From(WorkflowDefinition definition, EditorDescriptions descriptions)
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
            Activities = [.. definition.Activities.Select(a => ActivityRow.From(a, descriptions))],
            Transitions = [.. definition.Transitions.Select(t => new TransitionRow { From = t.From, Outcome = t.Outcome, To = t.To })],
        };
    }

    /// <summary>
    /// The definition as the API takes it. <paramref name="errors"/> gets the form's own problems (a JSON box that is
    /// not JSON); <paramref name="transitionRows"/> maps each transition of the JSON back to its row of the form.
    /// </summary>
    public JsonObject ToJson(IDictionary<string, string> errors, IStringLocalizer T, EditorDescriptions descriptions, out List<int> transitionRows)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var activities = new JsonArray();
        foreach (var row in Activities.Where(a => !a.Remove))
        {
            activities.Add(row.ToJson(errors, T, descriptions));
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
