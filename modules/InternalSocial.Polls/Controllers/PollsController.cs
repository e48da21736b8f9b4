using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Themes;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Controllers;

/// <summary>
/// The polls' pages. They work without JavaScript: every action is a form post to the same <see cref="PollService"/> as
/// the API, followed by a redirect; the page's script only adds option rows and live counts.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
internal sealed class PollsController(
    PollService polls,
    IPeopleLookup people,
    IAuthorizationService authorization,
    SiteSettingsService settings,
    IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("polls")]
    public async Task<IActionResult> Index(string? open, string? closed, CancellationToken cancellationToken)
    {
        var openPolls = await polls.ListAsync(User, new PollListQuery(Cursor: open, Open: true), cancellationToken);
        var closedPolls = await polls.ListAsync(User, new PollListQuery(Cursor: closed, Open: false), cancellationToken);
        var authorIds = openPolls.Polls.Concat(closedPolls.Polls).Select(p => p.AuthorId).Distinct().ToList();
        var authors = await people.GetByIdsAsync(authorIds, cancellationToken);
        return View(new PollsIndexModel(
            openPolls, closedPolls, open, closed,
            authors.ToDictionary(a => a.Key, a => a.Value.DisplayName),
            await authorization.HasPermissionAsync(User, Permissions.CreatePolls)));
    }

    [HttpGet("polls/new")]
    [RequirePermission("Polls.Create")]
    public IActionResult New() => View(new NewPollModel());

    /// <summary>Creates the poll; "add" and "remove" instead redraw the form with one row more or less (no script needed).</summary>
    [HttpPost("polls/new")]
    [RequirePermission("Polls.Create")]
    public async Task<IActionResult> Create(NewPollModel model, string? add, int? remove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (add is not null || remove is not null)
        {
            ModelState.Clear();
            if (remove is { } row && row >= 0 && row < model.Options.Count)
            {
                model.Options.RemoveAt(row);
            }
            else if (add is not null && model.Rows.Count < NewPollModel.MaxRows)
            {
                model.Options = [.. model.Rows, null];
            }

            return View(nameof(New), model);
        }

        try
        {
            var id = await polls.CreateAsync(User, await InputAsync(model, cancellationToken), cancellationToken);
            TempData["Message"] = T["Your poll is open."].Value;
            return Redirect(Url.Content($"~/polls/{id}"));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(New), model);
        }
    }

    [HttpGet("polls/{id:long}")]
    public async Task<IActionResult> Poll(long id, string? breakdown, CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(User, id, cancellationToken);
        var dimension = breakdown is "department" or "site" ? breakdown : null;
        var results = poll.CanSeeResults ? await polls.GetResultsAsync(User, id, dimension, cancellationToken) : null;
        var author = (await people.GetByIdsAsync([poll.AuthorId], cancellationToken)).GetValueOrDefault(poll.AuthorId)?.DisplayName ?? "";
        return View(new PollPageModel(poll, results, author, dimension));
    }

    [HttpPost("polls/{id:long}/vote")]
    [RedirectOnError("~/polls/{id}", typeof(InvalidInputException), typeof(ConflictException))]
    public async Task<IActionResult> Vote(long id, long[]? choices, string? other, string? returnUrl, CancellationToken cancellationToken)
    {
        await polls.VoteAsync(User, id, new VoteInput(choices ?? [], other), cancellationToken);
        TempData["Message"] = T["Your vote is counted."].Value;
        return Redirect(Back(id, returnUrl));
    }

    [HttpPost("polls/{id:long}/retract")]
    [RedirectOnError("~/polls/{id}", typeof(ConflictException))]
    public async Task<IActionResult> Retract(long id, string? returnUrl, CancellationToken cancellationToken)
    {
        await polls.RetractAsync(User, id, cancellationToken);
        TempData["Message"] = T["Your vote is withdrawn."].Value;
        return Redirect(Back(id, returnUrl));
    }

    [HttpPost("polls/{id:long}/close")]
    [RedirectOnError("~/polls/{id}", typeof(ConflictException))]
    public async Task<IActionResult> Close(long id, CancellationToken cancellationToken)
    {
        await polls.CloseAsync(User, id, cancellationToken);
        TempData["Message"] = T["The poll is closed."].Value;
        return Redirect(Url.Content($"~/polls/{id}"));
    }

    [HttpPost("polls/{id:long}/reopen")]
    [RedirectOnError("~/polls/{id}", typeof(InvalidInputException), typeof(ConflictException))]
    public async Task<IActionResult> Reopen(long id, DateTime? closesAt, CancellationToken cancellationToken)
    {
        await polls.ReopenAsync(User, id, closesAt is { } local ? await ToUtcAsync(local, cancellationToken) : null, cancellationToken);
        TempData["Message"] = T["The poll is open again."].Value;
        return Redirect(Url.Content($"~/polls/{id}"));
    }

    [HttpPost("polls/{id:long}/delete")]
    public async Task<IActionResult> Delete(long id, CancellationToken cancellationToken)
    {
        await polls.DeleteAsync(User, id, cancellationToken);
        TempData["Message"] = T["The poll is deleted."].Value;
        return Redirect(Url.Content("~/polls"));
    }

    private async Task<PollInput> InputAsync(NewPollModel model, CancellationToken cancellationToken) => new(
        model.Question,
        [.. model.Options.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o!)],
        model.Multiple,
        model.Multiple ? model.MaxChoices : null,
        model.AllowOther,
        model.Anonymous,
        model.ResultsVisibility,
        model.ClosesAt is { } local ? new DateTimeOffset(await ToUtcAsync(local, cancellationToken), TimeSpan.Zero) : null,
        Description: model.Description);

    /// <summary>A date and time field's value is in the organisation's time zone, as the pages show times.</summary>
    private async Task<DateTime> ToUtcAsync(DateTime local, CancellationToken cancellationToken)
    {
        var zone = LocalTime.Zone((await settings.GetAsync(cancellationToken)).TimeZoneId);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    private string Back(long id, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content($"~/polls/{id}");
}
