using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// One question's results: <see cref="Answered"/> people answered it; counts and percentages (of those) per option;
/// <see cref="Average"/> for ratings and NPS; <see cref="Nps"/> for NPS; <see cref="Rows"/> for a matrix;
/// <see cref="Texts"/> for free text, to those allowed (null otherwise); <see cref="Breakdown"/> when asked for.
/// </summary>
internal sealed record SurveyQuestionResult(
    long QuestionId,
    int Page,
    string Text,
    string Kind,
    int Answered,
    IReadOnlyList<SurveyOptionResult> Options,
    double? Average,
    SurveyNpsResult? Nps,
    IReadOnlyList<SurveyRowResult> Rows,
    IReadOnlyList<string>? Texts,
    PollBreakdown? Breakdown);
