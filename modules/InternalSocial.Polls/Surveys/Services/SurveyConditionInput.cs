namespace InternalSocial.Polls.Surveys;

/// <summary>
/// "Show this question when question number <see cref="Question"/> (its index in the input, 0-based, an earlier one)
/// was answered with its option number <see cref="Option"/> (0-based; for a rating or NPS question, the index of the
/// value: 0 is "1" for a rating, "0" for NPS)", or with any of <see cref="Options"/> ("A is x or y"). One option may
/// be written either way: recipes written before several could be named keep working.
/// </summary>
internal sealed record SurveyConditionInput(int? Question, int? Option, IReadOnlyList<int>? Options = null)
{
    /// <summary>The options named, however they were written; null when none is.</summary>
    public IReadOnlyList<int>? Named => Options is { Count: > 0 } several ? several : Option is { } one ? [one] : null;
}
