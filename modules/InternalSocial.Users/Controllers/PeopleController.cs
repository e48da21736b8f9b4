using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Controllers;

internal sealed record DirectoryViewModel(DirectoryQuery Query, DirectoryPage Page);

/// <summary>The directory, profiles and the org chart. The services decide who sees whom; a page never says more than its API.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[Route("people")]
internal sealed class PeopleController(
    DirectoryService directory,
    ProfileService profiles,
    PersonalDataService personalData,
    IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("")]
    [RequirePermission("Users.ViewDirectory")]
    public async Task<IActionResult> Index(string? q, string? department, string? site, string? skill, string? language, string? cursor, CancellationToken cancellationToken)
    {
        var query = new DirectoryQuery(q, department, site, skill, language, cursor);
        return View(new DirectoryViewModel(query, await directory.SearchAsync(User, query, cancellationToken)));
    }

    [HttpGet("{userName}")]
    public async Task<IActionResult> Profile(string userName, CancellationToken cancellationToken)
    {
        return View(await profiles.GetByUserNameAsync(User, userName, cancellationToken));
    }

    [HttpGet("{userName}/team")]
    [RequirePermission("Users.ViewDirectory")]
    public async Task<IActionResult> Team(string userName, CancellationToken cancellationToken)
    {
        return View(await directory.TeamAsync(User, userName, cancellationToken));
    }

    [HttpPost("{userName}/endorse")]
    [RedirectOnError("~/people/{userName}", typeof(ConflictException), typeof(PermissionDeniedException))]
    public async Task<IActionResult> Endorse(string userName, string? skill, bool endorse, CancellationToken cancellationToken) =>
        await ActAsync(userName, async id =>
        {
            await profiles.EndorseAsync(User, id, skill ?? "", endorse, cancellationToken);
            return endorse ? T["Skill endorsed."].Value : T["Endorsement withdrawn."].Value;
        }, cancellationToken);

    [HttpPost("{userName}/deactivate")]
    [RedirectOnError("~/people/{userName}", typeof(ConflictException), typeof(PermissionDeniedException))]
    public async Task<IActionResult> Deactivate(string userName, CancellationToken cancellationToken) =>
        await ActAsync(userName, async id =>
        {
            await personalData.DeactivateAsync(User, id, cancellationToken);
            return T["The account is deactivated: shown as a former employee, it can no longer sign in."].Value;
        }, cancellationToken);

    [HttpPost("{userName}/reactivate")]
    [RedirectOnError("~/people/{userName}", typeof(ConflictException), typeof(PermissionDeniedException))]
    public async Task<IActionResult> Reactivate(string userName, CancellationToken cancellationToken) =>
        await ActAsync(userName, async id =>
        {
            await personalData.ReactivateAsync(User, id, cancellationToken);
            return T["The account is active again."].Value;
        }, cancellationToken);

    [HttpPost("{userName}/erase")]
    [RedirectOnError("~/people", typeof(ConflictException), typeof(PermissionDeniedException))]
    public async Task<IActionResult> Erase(string userName, string? confirm, CancellationToken cancellationToken)
    {
        if (confirm != userName)
        {
            TempData["Error"] = T["Type the user name to confirm the erasure."].Value;
            return Redirect(Url.Content($"~/people/{Uri.EscapeDataString(userName)}"));
        }

        var profile = await profiles.GetByUserNameAsync(User, userName, cancellationToken);
        await personalData.EraseAsync(User, profile.Id, cancellationToken);
        TempData["Message"] = T["The person's personal data is erased."].Value;
        return Redirect(Url.Content("~/people"));
    }

    private async Task<IActionResult> ActAsync(string userName, Func<string, Task<string>> action, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetByUserNameAsync(User, userName, cancellationToken);
        TempData["Message"] = await action(profile.Id);
        return Redirect(Url.Content($"~/people/{Uri.EscapeDataString(userName)}"));
    }
}
