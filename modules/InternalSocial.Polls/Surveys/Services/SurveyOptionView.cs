namespace InternalSocial.Polls.Surveys;

internal sealed record SurveyOptionView(long Id, string Text);
