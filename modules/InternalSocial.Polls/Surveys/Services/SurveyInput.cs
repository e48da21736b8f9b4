namespace InternalSocial.Polls.Surveys;

/// <summary>
/// A new survey, or the whole of one changed before its first response, as the API, the pages and the recipe step
/// send it; every field is checked by the service and each bad one named (<c>questions[3].showWhen</c>).
/// </summary>
internal sealed record SurveyInput(
    string? Title,
    IReadOnlyList<SurveyQuestionInput>? Questions,
    string? Description = null,
    bool? Anonymous = null,
    string? ResultsVisibility = null,
    DateTimeOffset? OpensAt = null,
    DateTimeOffset? ClosesAt = null,
    SurveyAudienceInput? Audience = null,
    SurveyRemindersInput? Reminders = null);
