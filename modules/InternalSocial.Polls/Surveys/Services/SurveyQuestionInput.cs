namespace InternalSocial.Polls.Surveys;

/// <summary>
/// One question: <see cref="Kind"/> is one of <see cref="SurveyQuestionKinds.All"/>; <see cref="Options"/> for single
/// and multiple choice, and the columns of a matrix whose <see cref="Rows"/> are its lines. <see cref="Page"/> starts at 1.
/// </summary>
internal sealed record SurveyQuestionInput(
    string? Text,
    string? Kind,
    int? Page = null,
    bool? Required = null,
    IReadOnlyList<string>? Options = null,
    int? MaxChoices = null,
    IReadOnlyList<string>? Rows = null,
    SurveyConditionInput? ShowWhen = null);
