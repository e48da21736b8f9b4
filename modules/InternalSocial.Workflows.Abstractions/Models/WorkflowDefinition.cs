
namespace InternalSocial.Workflows.Abstractions.Models;

/// <summary>
/// A workflow as administrators write it (JSON in recipes, the API and the editor): activities, the transitions
/// between their outcomes, and the activity that starts it (an event).
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Stable key, lower-case with dashes ("approve-group-posts"); recipes upsert by it.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>The id of the start activity, an event.</summary>
    public string Start { get; set; } = "";

    public List<ActivityDefinition> Activities { get; set; } = [];

    public List<TransitionDefinition> Transitions { get; set; } = [];

    public ActivityDefinition? Activity(string id) => Activities.Find(a => a.Id == id);

    /// <summary>Where an outcome of an activity leads; null ends the workflow.</summary>
    public string? Next(string activityId, string outcome) =>
        Transitions.Find(t => t.From == activityId && string.Equals(t.Outcome, outcome, StringComparison.Ordinal))?.To;
}
