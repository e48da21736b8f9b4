namespace InternalSocial.Polls.Services;

/// <summary>A poll's counts, read from its tallies; <see cref="Breakdown"/> when asked for by department or site.</summary>
internal sealed record PollResults(
    long PollId,
    string Question,
    bool Anonymous,
    bool Closed,
    int ParticipantCount,
    IReadOnlyList<PollResultOption> Options,
    IReadOnlyList<string> OtherAnswers,
    PollBreakdown? Breakdown);
