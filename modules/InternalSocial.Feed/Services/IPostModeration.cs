using InternalSocial.Feed.Events;

namespace InternalSocial.Feed.Services;

/// <summary>
/// For the workflows module (issue 8): decides the fate of a held post. The caller has checked who may decide;
/// this service only moves the post and raises <see cref="PostPublished"/>.
/// </summary>
internal interface IPostModeration
{
    Task PublishAsync(long postId, CancellationToken cancellationToken);

    Task RejectAsync(long postId, CancellationToken cancellationToken);

    Task RequestChangesAsync(long postId, CancellationToken cancellationToken);

    /// <summary>Hides a post or comment (soft deletion by the system: moderators can still see and restore it). False when it was already gone.</summary>
    Task<bool> HideAsync(string contentType, long id, CancellationToken cancellationToken);
}
