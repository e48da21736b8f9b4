namespace InternalSocial.Polls.Services;

/// <summary>
/// What a vote needs of a poll the voter may read, and no more (<see cref="PollAccess.BallotAsync"/>): whether it is
/// anonymous and closed, its question's rules, the ids of its options, and the department and site the voter's
/// tallies count them in.
/// </summary>
internal sealed record PollBallot(
    long PollId,
    bool Anonymous,
    DateTime? ClosesUtc,
    DateTime? ClosedUtc,
    long QuestionId,
    string QuestionKind,
    int? MaxChoices,
    bool AllowOther,
    IReadOnlyList<long> OptionIds,
    string UserId,
    string? Department,
    string? Site)
{
    public bool IsClosedAt(DateTime nowUtc) => ClosedUtc is not null || (ClosesUtc is { } closes && closes <= nowUtc);
}
