namespace InternalSocial.Polls.Events;

/// <summary>A vote was cast, changed or withdrawn: the counts changed. Who voted is not part of it.</summary>
internal sealed record PollVotesChanged(long PollId);
