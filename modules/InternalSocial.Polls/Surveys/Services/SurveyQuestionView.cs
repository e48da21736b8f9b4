namespace InternalSocial.Polls.Surveys;

/// <summary>
/// A question on its page: <see cref="Options"/> for choices, ratings (values "1".."5") and NPS ("0".."10");
/// <see cref="Rows"/> for a matrix, each with its own column options; <see cref="ShowWhen"/> when it is conditional.
/// </summary>
internal sealed record SurveyQuestionView(
    long Id,
    int Page,
    int Position,
    string Text,
    string Kind,
    bool Required,
    int? MaxChoices,
    IReadOnlyList<SurveyOptionView> Options,
    IReadOnlyList<SurveyRowView> Rows,
    SurveyConditionView? ShowWhen);
