using System.Security.Claims;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;

namespace InternalSocial.Feed.Services;

/// <summary>The Feed's side of <see cref="IPostExcerpts"/>: the reader's own view of the posts, so nothing they may not read leaves.</summary>
internal sealed class PostExcerpts(PostService posts, FeedQuery feed) : IPostExcerpts
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

    public async Task<IReadOnlyList<PostExcerpt>> LatestAsync(ClaimsPrincipal reader, int take, CancellationToken cancellationToken) =>
        [.. (await feed.GetAsync(reader, FeedFilter.All, null, null, take, cancellationToken)).Items.Select(Excerpt)];

    public string RenderMarkdown(string markdown, string pathBase) => ContentRenderer.Render(markdown, NoOne, pathBase);

    private static PostExcerpt Excerpt(PostCard post) =>
        new(post.Id, post.Author.DisplayName, post.Html, post.Body, post.Status == PostStatus.Published && !post.IsDeleted,
            post.PublishedUtc, post.ExpiresUtc, post.GroupId, post.GroupName, post.AudienceEveryone, post.Author.Id);
}
