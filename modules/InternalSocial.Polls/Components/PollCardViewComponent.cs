using InternalSocial.Kernel;
using InternalSocial.Polls.Controllers;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Polls.Components;

/// <summary>
/// A poll in a few lines, for a post's card and a group's Polls tab: <c>@await Component.InvokeAsync("PollCard", new { pollId })</c>.
/// It reads the poll as the signed-in person, per request (never inside a cached card), and renders nothing for a poll
/// they may not read. Its vote form posts to <c>/polls/{id}/vote</c> and comes back to the card on the page it is on.
/// </summary>
internal sealed class PollCardViewComponent(PollService polls) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long pollId)
    {
        PollView poll;
        try
        {
            poll = await polls.GetAsync(UserClaimsPrincipal, pollId, HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return Content("");
        }

        var page = (HttpContext.Request.PathBase + HttpContext.Request.Path + HttpContext.Request.QueryString).ToString();
        return View(PollCardModel.For(poll, page));
    }
}
