using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Activities;

/// <summary><c>{ "type": "delay", "properties": { "duration": "48h" } }</c>: waits, then "done". Timers are fired by a background task.</summary>
internal sealed class DelayActivity(IStringLocalizer<ModuleResources> T) : TaskActivity
{
    public override string Type => "delay";

    public override string DisplayName => "Wait for a duration";

    public override bool CanWait => true;

    public override IReadOnlyList<ActivityField> Fields => [new("duration", ActivityFieldKind.Duration, T["Duration (such as 30m, 48h, 2d)"]) { Required = true }];

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var duration = Durations.Parse(context.Properties["duration"]!.GetValue<string>());
        return Task.FromResult(ActivityResult.Wait(Bookmarks.ForTimer(context.NowUtc + duration)));
    }

    public override Task<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Outcome(ActivityOutcomes.Done));
}
