using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Activities;

/// <summary><c>{ "type": "if", "properties": { "condition": { … } } }</c>: outcome "true" or "false".</summary>
internal sealed class IfActivity : TaskActivity
{
    public override string Type => "if";

    public override string DisplayName => "If / else";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["true", "false"];

    public override IReadOnlyList<ActivityField> Fields => [new("condition", ActivityFieldKind.Condition, Label: null) { Required = true }];

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var holds = Conditions.Evaluate(context.Properties["condition"], context.Fact);
        return Task.FromResult(ActivityResult.Outcome(holds ? "true" : "false"));
    }
}
