using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Controllers;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Polls.FeedBridge;

/// <summary>
/// The poll in a post's card, read for the reader of the request (never cached with the card): the same card as a
/// group's tab (<c>PollCard</c>), so one votes from the feed without leaving it. Nothing for a reader who may not read it.
/// </summary>
internal sealed class PostPollViewComponent(PollService polls) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long postId)
    {
        IReadOnlyList<PollView> list;
        try
        {
            // The list already carries each poll as this reader sees it: the card is drawn from it, not read again.
            list = (await polls.ListAsync(UserClaimsPrincipal, new PollListQuery(PostId: postId), HttpContext.RequestAborted)).Polls;
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return Content("");
        }

        var page = (HttpContext.Request.PathBase + HttpContext.Request.Path + HttpContext.Request.QueryString).ToString();
        return list.Count == 0 ? Content("") : View(list.Select(poll => PollCardModel.For(poll, page)).ToList());
    }
}
