namespace InternalSocial.Polls.Surveys;

/// <summary>A page of surveys after <see cref="Cursor"/> (the previous page's next cursor), <see cref="Take"/> at most (20 by default).</summary>
internal sealed record SurveyListQuery(string? Cursor = null, int? Take = null);
