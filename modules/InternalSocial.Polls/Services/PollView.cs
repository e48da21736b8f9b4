namespace InternalSocial.Polls.Services;

/// <summary>
/// A poll as one reader sees it: what they chose (named polls only), and what they may do. Counts
/// (<see cref="ParticipantCount"/>, the options' votes) only when they may see the results.
/// </summary>
internal sealed record PollView(
    long Id,
    string Kind,
    string Question,
    string Description,
    string AuthorId,
    PollContainer? Container,
    bool Multiple,
    int? MaxChoices,
    bool AllowOther,
    bool Anonymous,
    string ResultsVisibility,
    DateTime? ClosesUtc,
    DateTime? ClosedUtc,
    bool Closed,
    DateTime CreatedUtc,
    int? ParticipantCount,
    IReadOnlyList<PollOptionView> Options,
    bool Voted,
    IReadOnlyList<long> MyChoices,
    string? MyOther,
    bool CanVote,
    bool CanChangeVote,
    bool CanClose,
    bool CanDelete,
    bool CanSeeResults)
{
    /// <summary>Anonymous votes cannot be changed or taken back: the voter is told before voting.</summary>
    public bool VotesAreFinal => Anonymous;
}
