using System.Globalization;
using InternalSocial.Feed.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Services;

/// <summary>
/// The poll fields of a form without script (the feed's composer, a group's Polls tab): the options one per line, the
/// deadline in UTC. Field names are the API's, so <see cref="PollValidator"/>'s errors name them.
/// </summary>
internal static class PollFormFields
{
    /// <summary>A poll from a form stays short enough to answer from the feed.</summary>
    public const int MaxOptions = 10;

    public static (PollInput Input, Dictionary<string, string> Errors) Read(PostAddonFields fields, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(T);
        var errors = new Dictionary<string, string>();
        var options = (fields["options"] ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (options.Length > MaxOptions)
        {
            errors["options"] = T["Give between 2 and {0} options.", MaxOptions];
        }

        int? maxChoices = null;
        if (fields["maxChoices"] is { } max)
        {
            maxChoices = int.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }

        DateTimeOffset? closesAt = null;
        if (fields["closesAt"] is { } closes)
        {
            if (DateTime.TryParse(closes, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                closesAt = new DateTimeOffset(at, TimeSpan.Zero);
            }
            else
            {
                errors["closesAt"] = T["Give the closing time as a date and time."];
            }
        }

        var multiple = fields.IsChecked("multiple");
        var input = new PollInput(fields["question"], options, multiple, multiple ? maxChoices : null, Anonymous: fields.IsChecked("anonymous"),
            ResultsVisibility: fields["resultsVisibility"], ClosesAt: closesAt);
        return (input, errors);
    }
}
