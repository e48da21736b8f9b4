using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.Controllers;

/// <summary>
/// Charter administration: each audience's current version and counts, publishing a version, the history, and who
/// accepted a version or not yet (with the CSV and a reminder). Every rule is <see cref="CharterService"/>'s.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[RequirePermission("Charter.Manage")]
[Route("admin/charter")]
internal sealed class CharterAdminController(CharterService charter, CharterSettingsService settings, IStringLocalizer<ModuleResources> T) : Controller
{
    private const string Audiences = "{audience:regex(^(employees|guests|editorial)$)}";
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new CharterAdminModel(await OverviewAsync(cancellationToken)));

    [HttpGet("settings")]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) =>
        View(new CharterSettingsModel(CharterSettingsForm.From(await settings.ViewAsync(User, cancellationToken)), new Dictionary<string, string>()));

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(CharterSettingsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        try
        {
            await settings.SaveAsync(User, form.ToInput(), cancellationToken);
            TempData["Message"] = T["Settings saved."].Value;
            return Redirect(Url.Content("~/admin/charter/settings"));
        }
        catch (InvalidInputException invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new CharterSettingsModel(form, invalid.Errors));
        }
    }

    [HttpPost(Audiences + "/publish")]
    public async Task<IActionResult> Publish(string audience, PublishForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var texts = new Dictionary<string, string> { ["en"] = form.En ?? "", ["fr"] = form.Fr ?? "" };
        try
        {
            var number = await charter.PublishAsync(User, new CharterPublishInput(audience, texts, form.Material), cancellationToken);
            TempData["Message"] = T["Version {0} is published.", number].Value;
            return Redirect(Url.Content("~/admin/charter"));
        }
        catch (InvalidInputException invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new CharterAdminModel(await OverviewAsync(cancellationToken), audience, form, invalid.Errors));
        }
    }

    [HttpGet(Audiences)]
    public async Task<IActionResult> History(string audience, CancellationToken cancellationToken) =>
        View(new HistoryModel(audience, await charter.VersionsAsync(User, audience, cancellationToken)));

    [HttpGet(Audiences + "/{version:int}/acceptances")]
    public async Task<IActionResult> Acceptances(string audience, int version, string? status, string? after, CancellationToken cancellationToken)
    {
        status = status == "pending" ? "pending" : "accepted";
        var page = await charter.AcceptancesAsync(User, audience, version, status, after, PageSize, cancellationToken);
        return View(new AcceptancesModel(audience, version, status, after, page));
    }

    [HttpPost(Audiences + "/remind")]
    public async Task<IActionResult> Remind(string audience, int? version, CancellationToken cancellationToken)
    {
        var reminded = await charter.RemindPendingAsync(User, audience, cancellationToken);
        TempData["Message"] = T.Plural(reminded, "{0} person reminded.", "{0} people reminded.").Value;
        return Redirect(Url.Content(version is null ? "~/admin/charter" : $"~/admin/charter/{audience}/{version}/acceptances?status=pending"));
    }

    private async Task<IReadOnlyList<AudienceOverview>> OverviewAsync(CancellationToken cancellationToken)
    {
        var overview = new List<AudienceOverview>();
        foreach (var audience in CharterAudiences.All)
        {
            var versions = await charter.VersionsAsync(User, audience, cancellationToken);
            var current = versions.MaxBy(v => v.Number);
            var gating = versions.Where(v => v.Material).MaxBy(v => v.Number);
            var texts = current is null ? null : (await charter.VersionAsync(User, audience, current.Number, cancellationToken)).Texts;
            if (audience == CharterAudiences.Editorial || gating is null)
            {
                overview.Add(new AudienceOverview(audience, current, gating, null, null, texts));
                continue;
            }

            var accepted = versions.Where(v => v.Number >= gating.Number).Sum(v => v.Accepted);
            overview.Add(new AudienceOverview(audience, current, gating, accepted, await charter.PendingCountAsync(User, audience, gating.Number, cancellationToken), texts));
        }

        return overview;
    }
}
