namespace InternalSocial.Feed.Events;

/// <summary>
/// Raised when a post becomes visible (at once, or when a moderator approves it). Scheduled posts raise it when saved,
/// with their publication time. <paramref name="IsAnnouncement"/> lets handlers of announcements skip other posts unread.
/// </summary>
internal sealed record PostPublished(long PostId, string AuthorId, long? GroupId, DateTime PublishedUtc, bool IsAnnouncement);
