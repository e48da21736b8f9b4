using System.Text.Json.Nodes;

namespace InternalSocial.Workflows.Abstractions.Activities;

/// <summary>Base for activities that do their work and end at once.</summary>
public abstract class TaskActivity : IActivity
{
    public abstract string Type { get; }

    public abstract string DisplayName { get; }

    public bool IsEvent => false;

    public virtual bool CanWait => false;

    public virtual IReadOnlyList<string> Facts => [];

    public virtual IReadOnlyList<ActivityField> Fields => [];

    public virtual IReadOnlyList<string> Outcomes(JsonObject properties) => [ActivityOutcomes.Done];

    public virtual Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    public virtual Task<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Activity type '{Type}' does not wait.");
}
