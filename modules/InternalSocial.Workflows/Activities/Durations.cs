using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Activities;

/// <summary>Durations in definitions: "90s", "30m", "48h", "2d", or a .NET time span "1.12:00:00"; from a second to a year.</summary>
internal static partial class Durations
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
