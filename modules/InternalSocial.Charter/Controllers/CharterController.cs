using System.Globalization;
using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;
using InternalSocial.Kernel;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.Controllers;

/// <summary>
/// The person's charter (accept or decline: the gate sends every page here), the editorial charter whole, and the
/// comparison of two versions. The gate leaves <c>/charter*</c> open, so these pages work before acceptance.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
internal sealed class CharterController(CharterService charter, IPersonSignOut signOut, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("charter")]
    public async Task<IActionResult> Index(string? returnUrl, string? lang, CancellationToken cancellationToken)
    {
        var mine = await charter.GetForMeAsync(User, Language(lang), cancellationToken);
        var languages = mine is null ? [] : mine.Texts.Keys.Order(StringComparer.Ordinal).ToList();
        return View(new CharterPageModel(mine, mine is null ? "" : CharterMarkdown.Render(mine.Markdown), mine?.Language ?? Language(lang), languages, Local(returnUrl)));
    }

    [HttpPost("charter/accept")]
    public async Task<IActionResult> Accept(int version, string? language, string? returnUrl, CancellationToken cancellationToken)
    {
        try
        {
            await charter.AcceptAsync(User, version, Language(language), AcceptanceMethods.OnPage(User), cancellationToken);
        }
        catch (ConflictException conflict)
        {
            TempData["Error"] = await charter.GetForMeAsync(User, Language(language), cancellationToken) is null
                ? conflict.Message
                : T["A new version was published meanwhile: read it, then accept it."].Value;
            return Redirect(CharterUrl(returnUrl));
        }

        TempData["Message"] = T["Thank you: you accepted the charter."].Value;
        return LocalRedirect(Local(returnUrl) ?? Url.Content("~/"));
    }

    [HttpPost("charter/decline")]
    public async Task<IActionResult> Decline(CancellationToken cancellationToken)
    {
        await charter.DeclineAsync(User, cancellationToken);
        await signOut.SignOutAsync(HttpContext, cancellationToken);
        TempData["Message"] = T["You declined the charter, so you are signed out. Sign in again when you are ready to accept it."].Value;
        return LocalRedirect(Url.Content("~/account/signin"));
    }

    [HttpGet("charter/editorial")]
    public async Task<IActionResult> Editorial(CancellationToken cancellationToken)
    {
        var current = await charter.CurrentAsync(User, CharterAudiences.Editorial, cancellationToken);
        var text = current is null ? "" : CharterTexts.Pick(current.Texts, CultureInfo.CurrentUICulture);
        return View(new EditorialPageModel(current?.Number, current?.PublishedUtc, CharterMarkdown.Rules(text), CharterMarkdown.Render(text)));
    }

    /// <summary>What changed between two versions (by default the latest and the one before), in one language.</summary>
    [HttpGet("charter/{audience:regex(^(employees|guests|editorial)$)}/diff")]
    public async Task<IActionResult> Diff(string audience, int? from, int? to, string? lang, CancellationToken cancellationToken)
    {
        var versions = await charter.VersionsAsync(User, audience, cancellationToken);
        if (versions.Count == 0)
        {
            throw new NotFoundException(T["No charter has been published for {0}.", audience]);
        }

        var target = to ?? versions.Max(v => v.Number);
        var source = from ?? Math.Max(1, target - 1);
        var after = await charter.VersionAsync(User, audience, target, cancellationToken);
        var before = await charter.VersionAsync(User, audience, source, cancellationToken);
        var (language, newText) = CharterTexts.Pick(after.Texts, Language(lang));
        var oldText = CharterTexts.Pick(before.Texts, language).Text;
        var languages = after.Texts.Keys.Order(StringComparer.Ordinal).ToList();
        return View(new CharterDiffModel(audience, source, target, language, languages, [.. versions.Select(v => v.Number).Order()], CharterDiff.Compare(oldText, newText)));
    }

    private static string Language(string? asked) =>
        asked is { Length: >= 2 and <= 10 } && asked.All(char.IsAsciiLetterLower) ? asked : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>Only a path of this site: the gate passes the page the person asked for, and nothing else is followed.</summary>
    private string? Local(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : null;

    private string CharterUrl(string? returnUrl) =>
        Local(returnUrl) is { } back ? Url.Content("~/charter") + "?returnUrl=" + Uri.EscapeDataString(back) : Url.Content("~/charter");
}
