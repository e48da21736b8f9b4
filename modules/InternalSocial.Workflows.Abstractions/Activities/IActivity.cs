using System.Text.Json.Nodes;

namespace InternalSocial.Workflows.Abstractions.Activities;

/// <summary>
/// One kind of step a workflow can take, contributed by a module: an event that starts or resumes a workflow, or a
/// task that does something and ends with an outcome ("approved", "true", "done") or waits.
/// </summary>
public interface IActivity
{
    /// <summary>The type name used in definitions: "approval", "feed.publishPost".</summary>
    string Type { get; }

    string DisplayName { get; }

    /// <summary>Events start workflows (as their start activity) or wait for something to happen.</summary>
    bool IsEvent { get; }

    /// <summary>Whether the activity can make the instance wait: a cycle of transitions must contain one.</summary>
    bool CanWait { get; }

    /// <summary>The outcomes this activity can end with, given its properties.</summary>
    IReadOnlyList<string> Outcomes(JsonObject properties);

    /// <summary>For events: the facts they bring (names a condition may test).</summary>
    IReadOnlyList<string> Facts { get; }

    /// <summary>
    /// The properties the editor shows as inputs, checked before <see cref="ValidateAsync"/>; a new activity is
    /// editable by describing them here.
    /// </summary>
    IReadOnlyList<ActivityField> Fields { get; }

    /// <summary>Checks what <see cref="Fields"/> cannot say (unknown properties, links between them); report each problem with <see cref="ActivityValidation.Error"/>.</summary>
    Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken);

    Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>Called when what the activity waited for arrives (a decision, a timer, an event).</summary>
    Task<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input, CancellationToken cancellationToken);
}
