namespace InternalSocial.Polls.Models;

/// <summary>Who answered a poll, and nothing about what or when: its key is the one-vote-per-person rule.</summary>
internal sealed class PollParticipation
{
    public long PollId { get; set; }

    public required string UserId { get; set; }
}
