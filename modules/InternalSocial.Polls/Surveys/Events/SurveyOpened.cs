namespace InternalSocial.Polls.Surveys;

/// <summary>A survey is open to its audience (raised once, by the background task that claimed it).</summary>
internal sealed record SurveyOpened(long SurveyId, string Title, string AuthorId);
