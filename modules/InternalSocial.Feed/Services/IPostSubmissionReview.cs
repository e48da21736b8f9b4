namespace InternalSocial.Feed.Services;

/// <summary>
/// Asked before a post is saved: may hold it for approval (a workflow asks for guests' posts, or posts with blocked
/// words). A held post is saved as pending; the module that held it publishes, rejects or sends it back later through
/// <see cref="IPostModeration"/>.
/// </summary>
internal interface IPostSubmissionReview
{
    Task<bool> MustHoldAsync(PostSubmission submission, CancellationToken cancellationToken);
}
