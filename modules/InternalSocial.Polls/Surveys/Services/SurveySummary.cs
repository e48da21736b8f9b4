namespace InternalSocial.Polls.Surveys;

/// <summary>A survey in a list: enough to show it and say whether the reader answered it.</summary>
internal sealed record SurveySummary(
    long Id,
    string Title,
    string Description,
    bool Anonymous,
    DateTime? OpensUtc,
    DateTime? ClosesUtc,
    string Status,
    int QuestionCount,
    int PageCount,
    bool Answered,
    int? ResponseCount);
