using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Controllers;

public sealed class FeedSettingsModel
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Editorial guidance shown beside the composer")]
    public string? EditorialGuidance { get; set; }
}

[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[InternalSocial.Kernel.Security.RequirePermission("Feed.ManageTags")]
public sealed class FeedAdminController(FeedSettingsService settings, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("admin/feed")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new FeedSettingsModel { EditorialGuidance = (await settings.GetAsync(cancellationToken)).EditorialGuidance });

    [HttpPost("admin/feed")]
    public async Task<IActionResult> Index(FeedSettingsModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            await settings.SaveAsync(User, model.EditorialGuidance, cancellationToken);
            TempData["Message"] = T["Settings saved."].Value;
            return RedirectToAction(nameof(Index));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);
            return View(model);
        }
    }
}
