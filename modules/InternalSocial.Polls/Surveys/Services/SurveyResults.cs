namespace InternalSocial.Polls.Surveys;

/// <summary>A survey's results, read from its tallies and counters; <see cref="Breakdown"/> names the dimension when asked for.</summary>
internal sealed record SurveyResults(
    long SurveyId,
    string Title,
    bool Anonymous,
    bool Closed,
    int ResponseCount,
    string? Breakdown,
    IReadOnlyList<SurveyQuestionResult> Questions);
