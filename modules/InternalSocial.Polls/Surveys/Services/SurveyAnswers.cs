namespace InternalSocial.Polls.Surveys;

/// <summary>A checked response: the options chosen (per question or matrix row), the free texts, and the questions answered.</summary>
internal sealed record SurveyAnswers(
    IReadOnlyList<(long QuestionId, long OptionId)> Choices,
    IReadOnlyList<(long QuestionId, string Text)> Texts,
    IReadOnlyCollection<long> Answered);
