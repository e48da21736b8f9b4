using InternalSocial.Groups.Models;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[GroupPageErrors]
[Route("groups")]
internal sealed class GroupsController(GroupsService groups, GroupDirectory directory, GroupModuleSwitches moduleSwitches, MembershipService members, InvitationService invitations, JoinRequestService requests, GroupSpaces spaces, GroupCovers covers, IAuthorizationService authorization, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, GroupType? type, GroupVisibility? visibility, bool mine, string? cursor, CancellationToken cancellationToken)
    {
        var query = new GroupQuery(q, type, visibility, mine, Cursor: cursor);
        var page = await directory.ListAsync(User, query, cancellationToken);
        return View(new DirectoryViewModel(page, query, await authorization.HasPermissionAsync(User, Permissions.CreateGroups), await invitations.CountMyInvitationsAsync(User, cancellationToken)));
    }

    [HttpGet("invitations")]
    public async Task<IActionResult> Invitations(CancellationToken cancellationToken) =>
        View(new InvitationsViewModel(await invitations.ListMyInvitationsAsync(User, cancellationToken)));

    [HttpPost("invitations/{id:long}/{decision:regex(^(accept|decline)$)}")]
    [RedirectOnError("~/groups/invitations", typeof(ConflictException))]
    public async Task<IActionResult> AnswerInvitation(long id, string decision, CancellationToken cancellationToken)
    {
        var accept = decision == "accept";
        var group = await invitations.AnswerInvitationAsync(User, id, accept, cancellationToken);
        TempData["Message"] = accept ? T["Welcome to {0}.", group.Name].Value : T["Invitation declined."].Value;
        return Redirect(Url.Content(accept ? $"~/groups/{group.Slug}" : "~/groups/invitations"));
    }

    [HttpGet("new")]
    [RequirePermission("Groups.Create")]
    public IActionResult Create() => View(new GroupFormViewModel());

    [HttpPost("new")]
    [RequirePermission("Groups.Create")]
    public async Task<IActionResult> Create(GroupFormViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            var group = await groups.CreateAsync(User, model.ToInput(), cancellationToken);
            TempData["Message"] = T["Group created."].Value;
            return Redirect(Url.Content($"~/groups/{group.Slug}"));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError(nameof(model.Name), conflict.Message[(conflict.Message.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
        }

        return View(model);
    }

    [HttpGet("{key}")]
    public async Task<IActionResult> Show(string key, CancellationToken cancellationToken) =>
        View(await SpaceAsync(await groups.GetVisibleAsync(User, key, cancellationToken), "about", cancellationToken));

    [HttpGet("{key}/members")]
    public async Task<IActionResult> Members(string key, string? cursor, CancellationToken cancellationToken)
    {
        var standing = await groups.GetReadableAsync(User, key, cancellationToken);
        var pending = standing.IsGroupAdmin ? await invitations.ListInvitationsAsync(User, key, cancellationToken) : [];
        return View(new MembersViewModel(await SpaceAsync(standing, "members", cancellationToken), await members.ListMembersAsync(User, key, cursor, cancellationToken), pending));
    }

    [HttpPost("{key}/members/add")]
    [RedirectOnError("~/groups/{key}/members", typeof(ConflictException), typeof(InvalidInputException))]
    public async Task<IActionResult> AddMembers(string key, string? people, CancellationToken cancellationToken)
    {
        var mandatory = (await groups.GetVisibleAsync(User, key, cancellationToken)).Group.IsMandatory;
        var count = await invitations.ImportAsync(User, key, people, cancellationToken);
        TempData["Message"] = mandatory
            ? T.Plural(count, "{0} person added.", "{0} people added.").Value
            : T.Plural(count, "{0} person invited: they become a member on accepting.", "{0} people invited: each becomes a member on accepting.").Value;
        return Redirect(Url.Content($"~/groups/{key}/members"));
    }

    [HttpPost("{key}/invitations/{userId}/cancel")]
    public async Task<IActionResult> CancelInvitation(string key, string userId, CancellationToken cancellationToken)
    {
        await invitations.CancelInvitationAsync(User, key, userId, cancellationToken);
        TempData["Message"] = T["Invitation withdrawn."].Value;
        return Redirect(Url.Content($"~/groups/{key}/members"));
    }

    [HttpPost("{key}/members/{userId}/remove")]
    [RedirectOnError("~/groups/{key}/members", typeof(ConflictException), typeof(InvalidInputException))]
    public async Task<IActionResult> RemoveMember(string key, string userId, CancellationToken cancellationToken)
    {
        await members.RemoveAsync(User, key, userId, cancellationToken);
        TempData["Message"] = T["Member removed."].Value;
        return Redirect(Url.Content($"~/groups/{key}/members"));
    }

    [HttpPost("{key}/join")]
    [RedirectOnError("~/groups/{key}", typeof(ConflictException), typeof(InvalidInputException))]
    public async Task<IActionResult> Join(string key, CancellationToken cancellationToken)
    {
        var outcome = await members.JoinAsync(User, key, cancellationToken);
        TempData["Message"] = outcome == JoinOutcome.Requested ? T["Your request was sent to the group's admins."].Value : T["You joined the group."].Value;
        return Redirect(Url.Content($"~/groups/{key}"));
    }

    [HttpPost("{key}/leave")]
    [RedirectOnError("~/groups", typeof(ConflictException), typeof(InvalidInputException))]
    public async Task<IActionResult> Leave(string key, CancellationToken cancellationToken)
    {
        await members.LeaveAsync(User, key, cancellationToken);
        TempData["Message"] = T["You left the group."].Value;
        return Redirect(Url.Content("~/groups"));
    }

    [HttpGet("{key}/requests")]
    public async Task<IActionResult> Requests(string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(User, key, cancellationToken);
        return View(new RequestsViewModel(await SpaceAsync(standing, "requests", cancellationToken), await requests.ListRequestsAsync(User, key, cancellationToken)));
    }

    [HttpPost("{key}/requests/{userId}/{decision:regex(^(approve|reject)$)}")]
    [RedirectOnError("~/groups/{key}/requests", typeof(ConflictException), typeof(InvalidInputException))]
    public async Task<IActionResult> Decide(string key, string userId, string decision, CancellationToken cancellationToken)
    {
        await requests.DecideRequestAsync(User, key, userId, decision == "approve", cancellationToken);
        TempData["Message"] = decision == "approve" ? T["Request approved."].Value : T["Request rejected."].Value;
        return Redirect(Url.Content($"~/groups/{key}/requests"));
    }

    [HttpGet("{key}/settings")]
    public async Task<IActionResult> Settings(string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(User, key, cancellationToken);
        return View(await SettingsModelAsync(standing, GroupFormViewModel.From(standing.Group), cancellationToken));
    }

    [HttpPost("{key}/settings")]
    public async Task<IActionResult> Settings(string key, GroupFormViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            var group = await groups.UpdateAsync(User, key, model.ToInput(), cancellationToken);
            TempData["Message"] = T["Settings saved."].Value;
            return Redirect(Url.Content($"~/groups/{group.Slug}/settings"));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError(nameof(model.Name), conflict.Message[(conflict.Message.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
        }

        return View(await SettingsModelAsync(await groups.GetForAdminAsync(User, key, cancellationToken), model, cancellationToken));
    }

    [HttpPost("{key}/modules")]
    public async Task<IActionResult> Modules(string key, [FromForm] List<string>? enabled, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(User, key, cancellationToken);
        var on = enabled ?? [];
        foreach (var state in (await groups.Modules.GetStatesAsync(standing.Group, cancellationToken)).Where(s => !s.IsLocked))
        {
            await moduleSwitches.SetModuleAsync(User, key, state.Module.Key, on.Contains(state.Module.Key), cancellationToken);
        }

        TempData["Message"] = T["Modules saved."].Value;
        return Redirect(Url.Content($"~/groups/{key}/settings"));
    }

    [HttpPost("{key}/cover")]
    [RequestSizeLimit(GroupCovers.MaxBytes + 64 * 1024)]
    [RedirectOnError("~/groups/{key}/settings", typeof(ConflictException), typeof(InvalidInputException))]
    public async Task<IActionResult> Cover(string key, IFormFile? cover, CancellationToken cancellationToken)
    {
        await using var stream = cover?.OpenReadStream();
        await covers.SetAsync(User, key, stream, cover?.Length ?? 0, cancellationToken);
        TempData["Message"] = T["Cover saved."].Value;
        return Redirect(Url.Content($"~/groups/{key}/settings"));
    }

    [HttpGet("{key}/cover")]
    public async Task<IResult> CoverImage(string key, CancellationToken cancellationToken)
    {
        var (content, isPrivate, slug) = await covers.OpenAsync(User, key, cancellationToken);
        return FileResponses.Serve(HttpContext, content, NormalizedImage.ContentType, slug + NormalizedImage.Extension, isPrivate);
    }

    [HttpPost("{key}/archive")]
    public async Task<IActionResult> Archive(string key, bool restore, CancellationToken cancellationToken)
    {
        await groups.SetArchivedAsync(User, key, !restore, cancellationToken);
        TempData["Message"] = restore ? T["Group restored."].Value : T["Group archived."].Value;
        return Redirect(Url.Content($"~/groups/{key}"));
    }

    private async Task<SettingsViewModel> SettingsModelAsync(GroupStanding standing, GroupFormViewModel form, CancellationToken cancellationToken) =>
        new(await SpaceAsync(standing, "settings", cancellationToken), form, await groups.Modules.GetStatesAsync(standing.Group, cancellationToken));

    private Task<GroupSpaceViewModel> SpaceAsync(GroupStanding standing, string active, CancellationToken cancellationToken) =>
        spaces.BuildAsync(User, standing, active, cancellationToken);
}
