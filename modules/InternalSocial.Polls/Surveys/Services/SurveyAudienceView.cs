namespace InternalSocial.Polls.Surveys;

internal sealed record SurveyAudienceView(bool Everyone, IReadOnlyList<string> Departments, IReadOnlyList<string> Sites, IReadOnlyList<long> GroupIds);
