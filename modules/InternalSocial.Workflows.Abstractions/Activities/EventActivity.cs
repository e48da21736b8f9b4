using System.Text.Json.Nodes;

namespace InternalSocial.Workflows.Abstractions.Activities;

/// <summary>
/// An event a module raises through <see cref="IWorkflowEngine.TriggerAsync"/>. As a start activity it starts a workflow
/// when its optional <c>condition</c> holds; later in a workflow it waits for the event with the same correlation key.
/// </summary>
public abstract class EventActivity : IActivity
{
    public abstract string Type { get; }

    public abstract string DisplayName { get; }

    public bool IsEvent => true;

    public bool CanWait => true;

    public abstract IReadOnlyList<string> Facts { get; }

    public IReadOnlyList<string> Outcomes(JsonObject properties) => [ActivityOutcomes.Done];

    /// <summary>The start condition; an event's other properties stay in the editor's JSON box unless a subclass adds fields.</summary>
    public virtual IReadOnlyList<ActivityField> Fields => [new("condition", ActivityFieldKind.Condition, Label: null)];

    public virtual Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(ActivityResult.Wait(Bookmarks.ForEvent(Type, context.Instance.CorrelationKey)));
    }

    public Task<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var (key, value) in input.Facts)
        {
            context.Variables[key] = value?.DeepClone();
        }

        return Task.FromResult(ActivityResult.Outcome(ActivityOutcomes.Done));
    }
}
