namespace InternalSocial.Polls.Events;

/// <summary>
/// A poll was closed (by its author or a moderator), raised after the change is saved. It names no voter: the bridges
/// that tell people (notifications) or start workflows read what they need as themselves.
/// </summary>
internal sealed record PollClosed(long PollId, string Title, string ResultsVisibility, int ParticipantCount, string ClosedBy);
