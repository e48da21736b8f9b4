namespace InternalSocial.Polls.Surveys;

/// <summary>
/// A survey as one reader sees it: its pages of questions with their conditions, whether the reader answered, and
/// what they may do. <see cref="ResponseCount"/> only when they may see the results; <see cref="Audience"/> and
/// <see cref="Reminders"/> for those who may edit or manage it (null otherwise).
/// </summary>
internal sealed record SurveyView(
    long Id,
    string Title,
    string Description,
    string AuthorId,
    bool Anonymous,
    string ResultsVisibility,
    DateTime? OpensUtc,
    DateTime? ClosesUtc,
    DateTime? ClosedUtc,
    string Status,
    DateTime CreatedUtc,
    int PageCount,
    IReadOnlyList<SurveyQuestionView> Questions,
    bool Answered,
    int? ResponseCount,
    SurveyAudienceView? Audience,
    SurveyRemindersInput? Reminders,
    bool CanAnswer,
    bool CanEdit,
    bool CanManage,
    bool CanSeeResults);
