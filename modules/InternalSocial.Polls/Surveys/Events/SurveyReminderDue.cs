namespace InternalSocial.Polls.Surveys;

/// <summary>Reminder round <see cref="Round"/> of an open survey is due (raised once per round, by the node that claimed it).</summary>
internal sealed record SurveyReminderDue(long SurveyId, string Title, int Round);
