using System.Security.Claims;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Quizzes;

namespace InternalSocial.Polls.FeedBridge;

/// <summary>
/// The quizzes of the page's posts, read on the first card that asks and kept for the others: the posts' readability in
/// one question to the feed, then the quizzes, their parts and the reader's attempts in a fixed number of queries.
/// </summary>
internal sealed class PostQuizCards(PostAddonPage page, PostPollAccess posts, QuizService quizzes)
{
    private ILookup<long, QuizView>? _page;

    public async Task<IReadOnlyList<QuizView>> ForPostAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        if (!page.Known)
        {
            // A card drawn outside a page of the feed: the post is its own page.
            return [.. (await ReadAsync(user, [postId], cancellationToken))[postId]];
        }

        if (!page.WithQuizzes.Contains(postId))
        {
            return [];
        }

        _page ??= await ReadAsync(user, page.WithQuizzes, cancellationToken);
        return [.. _page[postId]];
    }

    private async Task<ILookup<long, QuizView>> ReadAsync(ClaimsPrincipal user, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        await posts.PrimeAsync(user, postIds, cancellationToken);
        return (await quizzes.InContainersAsync(user, ContainerKinds.Post, postIds, cancellationToken)).ToLookup(q => q.PostId!.Value);
    }
}
