using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Surveys;

/// <summary>A matrix row's results: counts per column.</summary>
internal sealed record SurveyRowResult(long Id, string Text, int Answered, IReadOnlyList<SurveyOptionResult> Columns, PollBreakdown? Breakdown);
