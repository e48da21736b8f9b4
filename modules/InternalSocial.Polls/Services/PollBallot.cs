using InternalSocial.Polls.Models;

namespace InternalSocial.Polls.Services;

/// <summary>
/// What a vote needs of a poll the voter may read, and no more (<see cref="PollAccess.BallotAsync"/>): its question,
/// the ids of its options, and the department and site the voter's tallies count them in.
/// </summary>
internal sealed record PollBallot(Poll Poll, PollQuestion Question, IReadOnlyList<long> OptionIds, string UserId, string? Department, string? Site);
