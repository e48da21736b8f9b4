using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Groups.Abstractions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.GroupsBridge;

/// <summary>
/// <c>/groups/{key}/posts</c>: a group's posts as the feed renders them, and a composer that posts into the group. The
/// page reads posts through <see cref="FeedQuery"/> (the group's readers only) and the group through the Groups module's
/// contract <see cref="IGroupSpaces"/>; a group the user may not read, or whose Posts module is off, answers 404.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[Route("groups/{key}/posts")]
internal sealed class GroupPostsController(
    IGroupSpaces spaces,
    IGroupAccess access,
    FeedQuery feed,
    PostService posts,
    ReactionService reactions,
    IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string key, string? cursor, CancellationToken cancellationToken)
    {
        try
        {
            return View(await BuildAsync(key, cursor, new GroupComposerModel(), cancellationToken));
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            // A group the reader may not see is answered as one that does not exist.
            return StatusPage(StatusCodes.Status404NotFound);
        }
    }

    [HttpPost("")]
    [EnableRateLimiting(Startup.PostingRateLimitPolicy)]
    public async Task<IActionResult> Create(string key, [Bind(Prefix = "Composer")] GroupComposerModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        GroupSpace group;
        try
        {
            group = await spaces.EnterAsync(User, key, GroupPostsTab.Key, cancellationToken);
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return StatusPage(StatusCodes.Status404NotFound);
        }

        try
        {
            model.Addons = Request.HasFormContentType ? PostAddons.FromForm(Request.Form) : null;
            var created = await posts.CreateAsync(User, new PostInput(model.Body, Audience: new AudienceInput(null, null, [group.Id]), Addons: model.Addons), cancellationToken);
            TempData["Message"] = created.Status == PostStatus.Pending
                ? T["Your post waits for the approval of the group's moderators."].Value
                : T["Your post is published."].Value;
            return Redirect(Url.Content($"~/groups/{group.Slug}/posts"));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid, prefix: "Composer.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await BuildAsync(key, null, model, cancellationToken));
        }
        catch (PermissionDeniedException)
        {
            // A reader who may not post here (not a member, an announcement channel, an archived group).
            return StatusPage(StatusCodes.Status403Forbidden);
        }
    }

    private async Task<GroupPostsViewModel> BuildAsync(string key, string? cursor, GroupComposerModel composer, CancellationToken cancellationToken)
    {
        var space = await spaces.ShowAsync(User, key, GroupPostsTab.Key, cancellationToken);
        var page = await feed.GetGroupAsync(User, space.Group.Id, cursor, null, cancellationToken);
        var decision = await access.CanPostAsync(User, space.Group.Id, cancellationToken);
        return new GroupPostsViewModel(space, page, await reactions.TypesAsync(cancellationToken), composer,
            decision != GroupPostDecision.Forbidden, decision == GroupPostDecision.NeedsApproval);
    }

    /// <summary>The group space's 404 or 403 page. Hidden, unreadable and switched off all answer 404.</summary>
    private ViewResult StatusPage(int status)
    {
        var result = View(GroupSpaceViews.Status, status);
        result.StatusCode = status;
        return result;
    }
}
