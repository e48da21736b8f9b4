namespace InternalSocial.Feed.Events;

/// <summary>
/// Raised after a post is saved (or resubmitted after changes were asked), whatever its status. <paramref name="IsPending"/>:
/// held for approval; <paramref name="GroupRequiresApproval"/>: its group's rule is what holds it.
/// </summary>
public sealed record PostSubmitted(long PostId, string AuthorId, long? GroupId, bool IsAnnouncement, bool IsPending = false, bool GroupRequiresApproval = false);

/// <summary>Raised when a post becomes visible (at once, or when a moderator approves it). Scheduled posts raise it when saved, with their publication time.</summary>
public sealed record PostPublished(long PostId, string AuthorId, long? GroupId, DateTime PublishedUtc);

public sealed record CommentAdded(long PostId, long CommentId, string AuthorId, string PostAuthorId);

/// <summary>Someone was @mentioned in a post (CommentId null) or a comment; the notifications module tells them.</summary>
public sealed record PersonMentioned(string UserId, long PostId, long? CommentId, string ByUserId);

public sealed record ReactionAdded(long PostId, long? CommentId, string UserId, string Type);

/// <summary>A communication director asked to remind those who have not acknowledged an announcement.</summary>
public sealed record AcknowledgementReminderRequested(long PostId, string ByUserId, IReadOnlyCollection<string> AcknowledgedUserIds);

/// <summary>
/// The text waiting for a moderator changed without a new submission: a held post, or a held edit of a published post,
/// was edited again. The module that holds it shows its moderators the current text (one task, not a second one).
/// </summary>
public sealed record HeldPostEdited(long PostId, string Body);
