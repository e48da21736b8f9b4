namespace InternalSocial.Polls.Surveys;

/// <summary>A page of surveys; <see cref="NextCursor"/> null on the last page.</summary>
internal sealed record SurveyList(IReadOnlyList<SurveySummary> Surveys, string? NextCursor);
