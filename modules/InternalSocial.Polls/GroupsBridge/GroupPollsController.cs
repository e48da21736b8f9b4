using InternalSocial.Feed.Abstractions;
using InternalSocial.Groups.Abstractions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Quizzes;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.GroupsBridge;

/// <summary>
/// <c>/groups/{key}/polls</c>: a group's polls and quizzes, and the form of a new poll. The group comes from the Groups module's
/// <see cref="IGroupSpaces"/>, the polls from <see cref="PollService"/>; a group the user may not read, or whose Polls
/// module is off, answers 404.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[Route("groups/{key}/polls")]
internal sealed class GroupPollsController(
    IGroupSpaces spaces,
    PollService polls,
    QuizService quizzes,
    PollAccess access,
    IAuthorizationService authorization,
    IStringLocalizer<ModuleResources> T) : Controller
{
    private const string FormPrefix = "Poll.";

    [HttpGet("")]
    public async Task<IActionResult> Index(string key, string? cursor, CancellationToken cancellationToken)
    {
        try
        {
            return View(await BuildAsync(key, cursor, PostAddonFields.Empty, cancellationToken));
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            // A group the reader may not see is answered as one that does not exist.
            return StatusPage(StatusCodes.Status404NotFound);
        }
    }

    [HttpPost("")]
    public async Task<IActionResult> Create(string key, CancellationToken cancellationToken)
    {
        GroupSpace group;
        try
        {
            group = await spaces.EnterAsync(User, key, GroupPollsTab.Key, cancellationToken);
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return StatusPage(StatusCodes.Status404NotFound);
        }

        var fields = new PostAddonFields(Request.Form.Keys.Where(k => k.StartsWith(FormPrefix, StringComparison.Ordinal))
            .ToDictionary(k => k[FormPrefix.Length..], k => Request.Form[k], StringComparer.Ordinal));
        try
        {
            var (input, errors) = PollFormFields.Read(fields, T);
            if (errors.Count > 0)
            {
                throw new InvalidInputException(errors);
            }

            await polls.CreateAsync(User, input with { GroupId = group.Id }, cancellationToken);
            TempData["Message"] = T["Your poll is published in the group."].Value;
            return Redirect(Url.Content($"~/groups/{group.Slug}/polls"));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid, prefix: FormPrefix);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await BuildAsync(key, null, fields, cancellationToken));
        }
        catch (PermissionDeniedException)
        {
            // A reader who may not create polls here (not a member, an announcement channel, an archived group).
            return StatusPage(StatusCodes.Status403Forbidden);
        }
    }

    private async Task<GroupPollsViewModel> BuildAsync(string key, string? cursor, PostAddonFields fields, CancellationToken cancellationToken)
    {
        var space = await spaces.ShowAsync(User, key, GroupPollsTab.Key, cancellationToken);
        var list = await polls.ListAsync(User, new PollListQuery(GroupId: space.Group.Id, Cursor: cursor), cancellationToken);
        // The quizzes sit above the polls' pages, on the first one only.
        IReadOnlyList<QuizView> groupQuizzes = cursor is null ? await quizzes.InContainersAsync(User, ContainerKinds.Group, [space.Group.Id], cancellationToken) : [];
        var canCreate = await authorization.HasPermissionAsync(User, Permissions.CreatePolls)
            && await access.Bridge(ContainerKinds.Group)!.CanCreateInAsync(User, new PollContainer(ContainerKinds.Group, space.Group.Id), cancellationToken);
        return new GroupPollsViewModel(space, list, groupQuizzes, canCreate, new PostAddonComposer(FormPrefix, fields));
    }

    /// <summary>The group space's 404 or 403 page. Hidden, unreadable and switched off all answer 404.</summary>
    private ViewResult StatusPage(int status)
    {
        var result = View(GroupSpaceViews.Status, status);
        result.StatusCode = status;
        return result;
    }
}
