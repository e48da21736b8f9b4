using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Controllers;
using InternalSocial.Polls.Quizzes;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Polls.FeedBridge;

/// <summary>
/// The polls and quizzes in a post's card, read for the reader of the request (never cached with the card): the same
/// poll card as a group's tab (<c>PollCard</c>), so one votes from the feed without leaving it, and a quiz's card with
/// "Take the quiz" or one's score. Nothing for a reader who may not read them.
/// </summary>
internal sealed class PostPollViewComponent(PollService polls, PostAddonPage page, PostQuizCards quizCards) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long postId)
    {
        IReadOnlyList<PollView> list = [];
        IReadOnlyList<QuizView> quizzes;
        try
        {
            if (!page.Known || page.WithPolls.Contains(postId))
            {
                // The list already carries each poll as this reader sees it: the card is drawn from it, not read again.
                list = (await polls.ListAsync(UserClaimsPrincipal, new PollListQuery(PostId: postId), HttpContext.RequestAborted)).Polls;
            }

            quizzes = await quizCards.ForPostAsync(UserClaimsPrincipal, postId, HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return Content("");
        }

        var here = (HttpContext.Request.PathBase + HttpContext.Request.Path + HttpContext.Request.QueryString).ToString();
        return list.Count == 0 && quizzes.Count == 0
            ? Content("")
            : View(new PostAddonCards([.. list.Select(poll => PollCardModel.For(poll, here))], quizzes));
    }
}
