namespace InternalSocial.Polls.Surveys;

/// <summary>A survey input that passed <see cref="SurveyValidator"/>: trimmed, defaults applied, times in UTC.</summary>
internal sealed record ValidSurvey(
    string Title,
    string Description,
    bool Anonymous,
    string ResultsVisibility,
    DateTime? OpensUtc,
    DateTime? ClosesUtc,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Sites,
    IReadOnlyList<long> GroupIds,
    string ReminderMode,
    int? ReminderDays,
    IReadOnlyList<ValidSurveyQuestion> Questions)
{
    public bool Everyone => Departments.Count == 0 && Sites.Count == 0 && GroupIds.Count == 0;
}
