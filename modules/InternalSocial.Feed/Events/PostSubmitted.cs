namespace InternalSocial.Feed.Events;

/// <summary>
/// Raised after a post is saved, resubmitted after changes were asked, or when an edit of a published post is held,
/// whatever its status. It carries what was submitted, so that a handler needs not read the post back.
/// <paramref name="IsPending"/>: held for approval; <paramref name="GroupRequiresApproval"/>: its group's rule is what
/// holds it; <paramref name="Body"/> and <paramref name="Tags"/>: the text and tags submitted (a held edit's, not the
/// published ones); <paramref name="SubmittedBy"/>: the author, or the editor of a held edit.
/// </summary>
internal sealed record PostSubmitted(
    long PostId,
    string AuthorId,
    long? GroupId,
    bool IsAnnouncement,
    bool IsPending,
    bool GroupRequiresApproval,
    string Body,
    IReadOnlyCollection<string> Tags,
    string SubmittedBy);
