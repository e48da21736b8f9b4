using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>An activity of a module Workflows knows nothing about, editable through its description alone.</summary>
public sealed class ProbeRemindActivity : TaskActivity
{
    public override string Type => "probe.remind";

    public override string DisplayName => "Probe reminder";

    public override IReadOnlyList<ActivityField> Fields =>
    [
        new("after", ActivityFieldKind.Duration, Label("Remind after")) { Required = true },
        new("priority", ActivityFieldKind.Number, Label("Priority")) { Min = 1, Max = 5 },
        new("tone", ActivityFieldKind.Choice, Label("Tone")) { Options = ["gentle", "firm"] },
        new("note", ActivityFieldKind.Text, Label("Note")) { MaxLength = 20 },
    ];

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Outcome(ActivityOutcomes.Done));

    private static LocalizedString Label(string text) => new(text, text);
}
