namespace InternalSocial.Polls.Surveys;

internal sealed record SurveyCreated(long Id);
