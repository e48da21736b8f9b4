using InternalSocial.Kernel;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Controllers;

internal sealed record MyProfileViewModel(ProfileView Profile, IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, string> Values);

/// <summary>The signed-in person edits their profile and photo.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[Route("account/profile")]
internal sealed class MyProfileController(ProfileService profiles, ProfileEditor editor, ProfilePhotos photos, IStringLocalizer<ModuleResources> T) : Controller
{
    private static readonly string[] TextFields = ["displayName", "email", "jobTitle", "department", "site", "phone", "about", "skills", "languages", "interests", "preferredLanguage", "timeZoneId"];

    private string UserId => User.FindUserId()!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new MyProfileViewModel(await profiles.GetByIdAsync(User, UserId, cancellationToken), new Dictionary<string, string>(), new Dictionary<string, string>()));

    [HttpPost("")]
    public async Task<IActionResult> Save(IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? Text(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        IReadOnlyList<string>? Tags(string name) => Text(name) is { } text ? [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null;
        var custom = form.Keys.Where(k => k.StartsWith("custom.", StringComparison.Ordinal)).ToDictionary(k => k["custom.".Length..], k => (string?)form[k].ToString());
        var update = new ProfileUpdate(
            Text("displayName"), Text("email"), Text("jobTitle"), Text("department"), Text("site"), Text("phone"), null, Text("about"),
            Tags("skills"), Tags("languages"), Tags("interests"), Text("preferredLanguage"),
            [.. ProfileService.OptionalFields.Where(f => form["hide"].Contains(f))], custom, Text("timeZoneId"));
        try
        {
            var saved = await editor.UpdateAsync(User, UserId, update, cancellationToken);
            if (saved.PreferredLanguage is { } language)
            {
                TenantLocalization.RememberCulture(Response, language, Request.PathBase);
            }

            var posted = Text("email")?.Trim();
            TempData["Message"] = !string.IsNullOrEmpty(posted) && !string.Equals(posted, saved.Email, StringComparison.OrdinalIgnoreCase)
                ? T["Your profile is saved. We sent a link to {0}: the new address replaces the current one once you follow it.", posted].Value
                : T["Your profile is saved."].Value;
            return RedirectToAction(nameof(Index));
        }
        catch (Exception exception) when (exception is InvalidInputException or ConflictException)
        {
            var errors = exception is InvalidInputException invalid ? invalid.Errors : new Dictionary<string, string> { ["email"] = exception.Message };
            var values = TextFields.Where(form.ContainsKey).ToDictionary(f => f, f => form[f].ToString());
            foreach (var (key, value) in custom)
            {
                values["custom." + key] = value ?? "";
            }

            return View(nameof(Index), new MyProfileViewModel(await profiles.GetByIdAsync(User, UserId, cancellationToken), errors, values));
        }
    }

    [HttpPost("photo")]
    [EnableRateLimiting(UploadRateLimitPolicy.Name)]
    [RedirectOnError("~/account/profile", typeof(InvalidInputException))]
    public async Task<IActionResult> Photo(IFormFile? photo, CancellationToken cancellationToken)
    {
        if (photo is null)
        {
            throw new InvalidInputException("photo", T["Choose an image file."]);
        }

        await using var content = photo.OpenReadStream();
        await photos.SetPhotoAsync(User, UserId, content, cancellationToken);
        TempData["Message"] = T["Your photo is saved."].Value;

        return RedirectToAction(nameof(Index));
    }
}
