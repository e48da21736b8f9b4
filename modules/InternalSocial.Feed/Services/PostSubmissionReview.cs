namespace InternalSocial.Feed.Services;

/// <summary>A post about to be saved, as a review sees it (no id yet).</summary>
public sealed record PostSubmission(string AuthorId, long? GroupId, bool GroupRequiresApproval, string Body, IReadOnlyCollection<string> Tags, bool IsAnnouncement);

/// <summary>
/// Asked before a post is saved: may hold it for approval (a workflow asks for guests' posts, or posts with blocked
/// words). A held post is saved as pending; the module that held it publishes, rejects or sends it back later through
/// <see cref="IPostModeration"/>.
/// </summary>
public interface IPostSubmissionReview
{
    Task<bool> MustHoldAsync(PostSubmission submission, CancellationToken cancellationToken);
}
