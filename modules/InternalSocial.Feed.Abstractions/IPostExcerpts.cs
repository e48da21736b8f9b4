using System.Security.Claims;

namespace InternalSocial.Feed.Abstractions;

/// <summary>
/// Posts as other modules quote them (a newsletter's blocks): what a reader may read, rendered as the feed renders it.
/// </summary>
public interface IPostExcerpts
{
    /// <summary>The post as <paramref name="reader"/> sees it, or null when there is no such post they may read.</summary>
    Task<PostExcerpt?> FindAsync(ClaimsPrincipal reader, long postId, CancellationToken cancellationToken);

    /// <summary>
    /// Of <paramref name="postIds"/>, those <paramref name="reader"/> may open, by id, in one query: a check for what is
    /// attached to posts (a page of polls), which builds no card and records no view, unlike <see cref="FindAsync"/>.
    /// </summary>
    Task<IReadOnlyDictionary<long, ReadablePost>> ReadableAsync(ClaimsPrincipal reader, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken);

    /// <summary>The newest posts of <paramref name="reader"/>'s feed, newest first.</summary>
    Task<IReadOnlyList<PostExcerpt>> LatestAsync(ClaimsPrincipal reader, int take, CancellationToken cancellationToken);

    /// <summary>Markdown made safe HTML as a post's body is (links under <paramref name="pathBase"/>), with no one mentioned.</summary>
    string RenderMarkdown(string markdown, string pathBase);
}
