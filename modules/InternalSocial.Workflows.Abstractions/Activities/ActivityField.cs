using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Abstractions.Activities;

/// <summary>
/// One editable property of an activity: the editor draws its input from it, and the definition's check validates the
/// property with it before the activity's own <c>ValidateAsync</c> runs. Properties without a field stay in the
/// editor's JSON box.
/// </summary>
/// <param name="Key">The property's name in the definition's JSON ("escalateAfter").</param>
/// <param name="Label">The input's label in the reader's language; null for the kind's default (conditions, assignees).</param>
public sealed record ActivityField(string Key, ActivityFieldKind Kind, LocalizedString? Label)
{
    public bool Required { get; init; }

    /// <summary>For texts: the most characters a text (or each language's text) may have.</summary>
    public int? MaxLength { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>For a choice: the allowed values. For a step: the activity types it may name.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Completes "is required: …" when the property is missing, so the message says what to write.</summary>
    public LocalizedString? Hint { get; init; }

    /// <summary>For a localized text: the label of its French input.</summary>
    public LocalizedString? FrenchLabel { get; init; }

    /// <summary>The name of the form's input (<c>Activities[0].EscalateAfter</c>); the key with a capital by default.</summary>
    public string FormName { get; init; } = string.Concat(char.ToUpperInvariant(Key[0]).ToString(), Key[1..]);

    /// <summary>The end of the input's HTML id (<c>a0-escalate</c>); the key in lower case by default.</summary>
    public string InputId { get; init; } = Key.ToLowerInvariant();
}
