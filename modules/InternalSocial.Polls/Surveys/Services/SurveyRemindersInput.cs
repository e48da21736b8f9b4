namespace InternalSocial.Polls.Surveys;

/// <summary><see cref="Mode"/>: none, once (<see cref="Days"/> after opening) or every (each <see cref="Days"/> days while open).</summary>
internal sealed record SurveyRemindersInput(string? Mode, int? Days = null);
