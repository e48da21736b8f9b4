using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Editor;

/// <summary>What the editor page needs besides the form: the choices of its selects, the steps' descriptions and the errors by place.</summary>
internal sealed class WorkflowEditorViewModel
{
    public required WorkflowEditorModel Form { get; init; }

    public required IReadOnlyList<ActivityTypeView> Types { get; init; }

    public required EditorDescriptions Descriptions { get; init; }

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

    public static IReadOnlyList<string> AllOutcomes(WorkflowEditorModel form, ActivityRegistry registry, EditorDescriptions descriptions, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(registry);
        var outcomes = new SortedSet<string>(StringComparer.Ordinal) { ActivityOutcomes.Done };
        foreach (var row in form.Activities.Where(a => a.Type is not null))
        {
            if (registry.Find(row.Type!) is { } type)
            {
                var errors = new Dictionary<string, string>();
                var properties = row.ToJson(errors, T, descriptions)["properties"] as JsonObject ?? [];
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
