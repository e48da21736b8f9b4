namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary><c>/surveys/{id}/results</c>: the survey (for its management), its results, and the breakdown asked for.</summary>
internal sealed record SurveyResultsModel(SurveyView Survey, SurveyResults Results, string? Breakdown);
