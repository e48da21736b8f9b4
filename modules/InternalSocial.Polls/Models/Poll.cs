namespace InternalSocial.Polls.Models;

/// <summary>A poll, quiz or survey (<see cref="PollKinds"/>); polls hold one question.</summary>
internal sealed class Poll
{
    public long Id { get; set; }

    public string Kind { get; set; } = PollKinds.Poll;

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    public required string AuthorId { get; set; }

    public string ContainerKind { get; set; } = ContainerKinds.None;

    public long? ContainerId { get; set; }

    public bool Anonymous { get; set; }

    public string ResultsVisibility { get; set; } = ResultsVisibilities.Always;

    public DateTime? ClosesUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set by the first vote; from then on the anonymity can no longer change.</summary>
    public DateTime? FirstVoteUtc { get; set; }

    public int ParticipantCount { get; set; }

    /// <summary>The recipe's key for a poll created by the polls step, so a second run updates it.</summary>
    public string? RecipeKey { get; set; }

    public bool IsClosedAt(DateTime nowUtc) => ClosedUtc is not null || (ClosesUtc is { } closes && closes <= nowUtc);
}
