using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Polls.FeedBridge;

/// <summary>
/// The poll in a post's card, read for the reader of the request (never cached with the card): its question, its
/// counts when the reader may see them, and the way to vote. Nothing for a reader who may not read it.
/// </summary>
internal sealed class PostPollViewComponent(PollService polls) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long postId)
    {
        try
        {
            var list = await polls.ListAsync(UserClaimsPrincipal, new PollListQuery(PostId: postId), HttpContext.RequestAborted);
            return list.Polls.Count == 0 ? Content("") : View(list.Polls);
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return Content("");
        }
    }
}
