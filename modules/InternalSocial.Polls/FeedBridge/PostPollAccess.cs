using System.Security.Claims;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Polls.FeedBridge;

/// <summary>
/// A poll in a post is read by whoever may read the post, as the feed decides; a post waiting for approval (or refused,
/// or deleted) shows its poll to its author only. The author adds and manages it; Polls.Manage manages any.
/// </summary>
internal sealed class PostPollAccess(IPostExcerpts posts, IAuthorizationService authorization) : IPollContainerAccess
{
    // One poll read asks several questions about the same post: the feed is asked once per request.
    private readonly Dictionary<(ClaimsPrincipal User, long PostId), ReadablePost?> _posts = [];

    public string ContainerKind => ContainerKinds.Post;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken) =>
        await FindAsync(user, container, cancellationToken) is { } post && (post.IsPublished || post.AuthorId == user.GetUserId());

    public async Task<bool> CanCreateInAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken) =>
        await FindAsync(user, container, cancellationToken) is { } post && post.AuthorId == user.GetUserId();

    public async Task<bool> CanManageAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken) =>
        await CanCreateInAsync(user, container, cancellationToken) || await authorization.HasPermissionAsync(user, Permissions.ManagePolls);

    /// <summary>Nobody is told of a poll in a post apart from the post: the feed's own notifications tell its readers.</summary>
    public Task<IReadOnlyCollection<string>> AudienceAsync(PollContainer container, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([]);

    /// <summary>Asks the feed about a page of posts at once, so that the read checks of their quizzes ask nothing more.</summary>
    public async Task PrimeAsync(ClaimsPrincipal user, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        var unknown = postIds.Where(id => !_posts.ContainsKey((user, id))).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var readable = await posts.ReadableAsync(user, unknown, cancellationToken);
        foreach (var id in unknown)
        {
            _posts[(user, id)] = readable.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// Asks which posts the user may open, never for the post itself: reading a poll must not count as reading its
    /// post (no view recorded, no card built).
    /// </summary>
    private async Task<ReadablePost?> FindAsync(ClaimsPrincipal user, PollContainer container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (!_posts.TryGetValue((user, container.Id), out var post))
        {
            post = (await posts.ReadableAsync(user, [container.Id], cancellationToken)).GetValueOrDefault(container.Id);
            _posts[(user, container.Id)] = post;
        }

        return post;
    }
}
