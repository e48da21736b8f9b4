using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Activities;

/// <summary><c>{ "type": "if", "properties": { "condition": { … } } }</c>: outcome "true" or "false".</summary>
public sealed class IfActivity : TaskActivity
{
    public override string Type => "if";

    public override string DisplayName => "If / else";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["true", "false"];

    public override Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (validation.Properties["condition"] is { } condition)
        {
            Conditions.Validate(condition, "condition", validation);
        }
        else
        {
            validation.Error("condition", validation.T["is required."]);
        }

        return Task.CompletedTask;
    }

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var holds = Conditions.Evaluate(context.Properties["condition"], context.Fact);
        return Task.FromResult(ActivityResult.Outcome(holds ? "true" : "false"));
    }
}

/// <summary><c>{ "type": "delay", "properties": { "duration": "48h" } }</c>: waits, then "done". Timers are fired by a background task.</summary>
public sealed class DelayActivity : TaskActivity
{
    public override string Type => "delay";

    public override string DisplayName => "Wait for a duration";

    public override bool CanWait => true;

    public override Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        Durations.Validate(validation, "duration", required: true);
        return Task.CompletedTask;
    }

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var duration = Durations.Parse(context.Properties["duration"]!.GetValue<string>());
        return Task.FromResult(ActivityResult.Wait(Bookmarks.ForTimer(context.NowUtc + duration)));
    }

    public override Task<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Outcome(ActivityOutcomes.Done));
}

/// <summary>Durations in definitions: "90s", "30m", "48h", "2d", or a .NET time span "1.12:00:00"; from a second to a year.</summary>
public static partial class Durations
{
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Short().Match(text.Trim());
        if (match.Success)
        {
            var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

        return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            duration = Parse(text);
            return duration >= TimeSpan.FromSeconds(1) && duration <= TimeSpan.FromDays(366);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            return false;
        }
    }

    public static void Validate(ActivityValidation validation, string field, bool required)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var node = validation.Properties[field];
        if (node is null)
        {
            if (required)
            {
                validation.Error(field, validation.T["is required: a duration such as \"48h\", \"30m\" or \"2d\"."]);
            }

            return;
        }

        if (node.GetValueKind() != JsonValueKind.String || !TryParse(node.GetValue<string>(), out _))
        {
            validation.Error(field, validation.T["must be a duration such as \"48h\", \"30m\" or \"2d\", between a second and a year."]);
        }
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([smhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Short();
}
