namespace InternalSocial.Polls.Surveys;

/// <summary>An option's count and its share (0–100, one decimal) of those who answered the question.</summary>
internal sealed record SurveyOptionResult(long Id, string Text, int Count, double Percent);
