namespace InternalSocial.Feed.Events;

/// <summary>A communication director asked to remind those who have not acknowledged an announcement.</summary>
internal sealed record AcknowledgementReminderRequested(long PostId, string ByUserId, IReadOnlyCollection<string> AcknowledgedUserIds);
