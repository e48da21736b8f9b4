namespace InternalSocial.Polls.Surveys;

/// <summary>A matrix row (a question of its own): answer it with one of its <see cref="Columns"/>' ids.</summary>
internal sealed record SurveyRowView(long Id, string Text, IReadOnlyList<SurveyOptionView> Columns);
