using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Controllers;

/// <summary>The feed's administration: settings and tag curation (<c>Feed.ManageTags</c>, checked again in the services).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[InternalSocial.Kernel.Security.RequirePermission("Feed.ManageTags")]
internal sealed class FeedAdminController(FeedSettingsService settings, TagCurationService tags, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("admin/feed")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        return View(new FeedSettingsModel
        {
            EditorialGuidance = current.EditorialGuidance,
            PostsPerMinute = current.PostsPerMinute,
            DefaultPostsPerMinute = settings.EffectivePostsPerMinute(current with { PostsPerMinute = null }),
        });
    }

    [HttpPost("admin/feed")]
    public async Task<IActionResult> Index(FeedSettingsModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            await settings.SaveAsync(User, model.EditorialGuidance, model.PostsPerMinute, cancellationToken);
            TempData["Message"] = T["Settings saved."].Value;
            return RedirectToAction(nameof(Index));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);
            model.DefaultPostsPerMinute = settings.EffectivePostsPerMinute(new FeedSettings("", null));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }
    }

    [HttpGet("admin/feed/tags")]
    public async Task<IActionResult> Tags(CancellationToken cancellationToken) =>
        View(new TagsPageModel(await tags.ListAsync(User, cancellationToken), new TagFormModel { Official = true }, null));

    /// <summary>Adds a tag, or saves one row of the list (each row is its own form).</summary>
    [HttpPost("admin/feed/tags")]
    public async Task<IActionResult> SaveTag(TagFormModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            var saved = await tags.SaveAsync(User, model.Name, new TagInput(model.Description ?? "", model.Official, model.Pinned), cancellationToken);
            TempData["Message"] = T["Tag #{0} saved.", saved.Name].Value;
            return Redirect(Url.Content("~/admin/feed/tags"));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Tags), new TagsPageModel(await tags.ListAsync(User, cancellationToken), model, model.Name));
        }
    }

    [HttpPost("admin/feed/tags/{tag}/remove")]
    public async Task<IActionResult> RemoveTag(string tag, CancellationToken cancellationToken)
    {
        await tags.RemoveAsync(User, tag, cancellationToken);
        TempData["Message"] = T["Tag #{0} is no longer curated; its posts keep it.", tag].Value;
        return Redirect(Url.Content("~/admin/feed/tags"));
    }
}
