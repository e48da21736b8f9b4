namespace InternalSocial.Feed.Events;

/// <summary>
/// Raised after a post is saved (or resubmitted after changes were asked), whatever its status. <paramref name="IsPending"/>:
/// held for approval; <paramref name="GroupRequiresApproval"/>: its group's rule is what holds it.
/// </summary>
public sealed record PostSubmitted(long PostId, string AuthorId, long? GroupId, bool IsAnnouncement, bool IsPending = false, bool GroupRequiresApproval = false);
