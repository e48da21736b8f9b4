namespace InternalSocial.Polls.Surveys;

/// <summary>
/// A checked question: its options are the choices, the rating or NPS values, or a matrix's columns; its condition
/// points by index to an earlier question and one or more of its options.
/// </summary>
internal sealed record ValidSurveyQuestion(
    string Text,
    string Kind,
    int Page,
    bool Required,
    IReadOnlyList<string> Options,
    int? MaxChoices,
    IReadOnlyList<string> Rows,
    int? ShowWhenQuestion,
    IReadOnlyList<int>? ShowWhenOptions);
