using System.Security.Claims;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>The Feed's side of <see cref="IPostExcerpts"/>: the reader's own view of the posts, so nothing they may not read leaves.</summary>
internal sealed class PostExcerpts(PostService posts, FeedQuery feed, FeedReaderResolver readers, PostVisibility visibility) : IPostExcerpts
{
    private static readonly IReadOnlyDictionary<string, (string Id, string UserName)> NoOne = new Dictionary<string, (string Id, string UserName)>();

    public async Task<PostExcerpt?> FindAsync(ClaimsPrincipal reader, long postId, CancellationToken cancellationToken)
    {
        try
        {
            return Excerpt(await posts.GetAsync(reader, postId, cancellationToken));
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyDictionary<long, ReadablePost>> ReadableAsync(ClaimsPrincipal reader, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        if (postIds.Count == 0)
        {
            return new Dictionary<long, ReadablePost>();
        }

        var ids = postIds.Distinct().ToList();
        var feedReader = await readers.GetAsync(reader, cancellationToken);
        return await visibility.Openable(feedReader).AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new ReadablePost(p.Id, p.AuthorId, p.Status == PostStatus.Published && p.DeletedUtc == null))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<PostExcerpt>> LatestAsync(ClaimsPrincipal reader, int take, CancellationToken cancellationToken) =>
        [.. (await feed.GetAsync(reader, FeedFilter.All, null, null, take, cancellationToken)).Items.Select(Excerpt)];

    public string RenderMarkdown(string markdown, string pathBase) => ContentRenderer.Render(markdown, NoOne, pathBase);

    private static PostExcerpt Excerpt(PostCard post) =>
        new(post.Id, post.Author.DisplayName, post.Html, post.Body, post.Status == PostStatus.Published && !post.IsDeleted,
            post.PublishedUtc, post.ExpiresUtc, post.GroupId, post.GroupName, post.AudienceEveryone, post.Author.Id);
}
