namespace InternalSocial.Polls.Surveys;

/// <summary>Who a survey is for: everyone (employees) when all lists are empty, else anyone in one of the departments, sites or groups.</summary>
internal sealed record SurveyAudienceInput(
    IReadOnlyList<string>? Departments = null,
    IReadOnlyList<string>? Sites = null,
    IReadOnlyList<long>? GroupIds = null);
