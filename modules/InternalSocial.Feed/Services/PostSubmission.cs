namespace InternalSocial.Feed.Services;

/// <summary>A post about to be saved, as a review sees it (no id yet).</summary>
internal sealed record PostSubmission(string AuthorId, long? GroupId, bool GroupRequiresApproval, string Body, IReadOnlyCollection<string> Tags, bool IsAnnouncement);
