namespace InternalSocial.Polls.Services;

/// <summary>
/// A checked vote waiting for <see cref="VoteBatcher"/>: the poll as the voter read it, their choices, the department
/// and site its tallies count them in, and the outcome the request awaits.
/// </summary>
internal sealed record PendingVote(long PollId, long QuestionId, bool Anonymous, string UserId, IReadOnlyList<long> Choices, string? Other, string? Department, string? Site)
{
    public TaskCompletionSource<VoteOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
