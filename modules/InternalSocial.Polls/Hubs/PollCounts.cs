namespace InternalSocial.Polls.Hubs;

/// <summary>What the hub sends: a poll's participants and votes per option. Nothing about who voted.</summary>
internal sealed record PollCounts(long PollId, int Participants, IReadOnlyList<OptionCount> Options);
