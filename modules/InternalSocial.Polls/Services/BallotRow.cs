namespace InternalSocial.Polls.Services;

/// <summary>
/// One row of <see cref="PollAccess.BallotAsync"/>'s query: the poll's and question's columns a vote needs, and one of
/// the question's options (null when it has none). Flat, so that SQLite prepares a plain join, not a nested query.
/// </summary>
internal sealed record BallotRow(
    string ContainerKind,
    long? ContainerId,
    bool Anonymous,
    DateTime? ClosesUtc,
    DateTime? ClosedUtc,
    long QuestionId,
    int Position,
    string QuestionKind,
    int? MaxChoices,
    bool AllowOther,
    long? OptionId);
