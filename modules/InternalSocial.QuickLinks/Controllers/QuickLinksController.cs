using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.QuickLinks.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.QuickLinks.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
internal sealed class QuickLinksController(QuickLinksService links, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("links")]
    [InternalSocial.Kernel.Security.RequirePermission("QuickLinks.View")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await links.ListAsync(User, cancellationToken));

    [HttpGet("admin/quicklinks")]
    [InternalSocial.Kernel.Security.RequirePermission("QuickLinks.Manage")]
    public async Task<IActionResult> Manage(CancellationToken cancellationToken) =>
        View(new ManageLinksViewModel(await links.ListAsync(User, cancellationToken), new NewLinkViewModel()));

    [HttpPost("admin/quicklinks")]
    [InternalSocial.Kernel.Security.RequirePermission("QuickLinks.Manage")]
    public async Task<IActionResult> Create([Bind(Prefix = "NewLink")] NewLinkViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            await links.CreateAsync(User, new QuickLinkInput(model.Title, model.Url, model.Description, model.Position), cancellationToken);
            TempData["Message"] = T["Link added."].Value;
            return RedirectToAction(nameof(Manage));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid, prefix: "NewLink.");

            return View(nameof(Manage), new ManageLinksViewModel(await links.ListAsync(User, cancellationToken), model));
        }
    }

    [HttpPost("admin/quicklinks/{id:long}/delete")]
    [InternalSocial.Kernel.Security.RequirePermission("QuickLinks.Manage")]
    [RedirectOnError("~/admin/quicklinks", typeof(NotFoundException))]
    public async Task<IActionResult> Delete(long id, CancellationToken cancellationToken)
    {
        await links.DeleteAsync(User, id, cancellationToken);
        TempData["Message"] = T["Link removed."].Value;

        return RedirectToAction(nameof(Manage));
    }
}
