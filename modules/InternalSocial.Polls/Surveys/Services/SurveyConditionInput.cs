namespace InternalSocial.Polls.Surveys;

/// <summary>
/// "Show this question when question number <see cref="Question"/> (its index in the input, 0-based, an earlier one)
/// was answered with its option number <see cref="Option"/> (0-based; for a rating or NPS question, the index of the
/// value: 0 is "1" for a rating, "0" for NPS)".
/// </summary>
internal sealed record SurveyConditionInput(int? Question, int? Option);
