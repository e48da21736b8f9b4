using InternalSocial.Kernel;
using InternalSocial.QuickLinks.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.QuickLinks.Controllers;

public sealed class NewLinkViewModel
{
    public string? Title { get; set; }

    public string? Url { get; set; }

    public string? Description { get; set; }

    public int Position { get; set; }
}

public sealed record ManageLinksViewModel(IReadOnlyList<Models.QuickLink> Links, NewLinkViewModel NewLink);

[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
public sealed class QuickLinksController(QuickLinksService links) : Controller
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
            TempData["Message"] = "Link added.";
            return RedirectToAction(nameof(Manage));
        }
        catch (InvalidInputException invalid)
        {
            foreach (var (field, problem) in invalid.Errors)
            {
                ModelState.AddModelError("NewLink." + char.ToUpperInvariant(field[0]) + field[1..], problem);
            }

            return View(nameof(Manage), new ManageLinksViewModel(await links.ListAsync(User, cancellationToken), model));
        }
    }

    [HttpPost("admin/quicklinks/{id:long}/delete")]
    [InternalSocial.Kernel.Security.RequirePermission("QuickLinks.Manage")]
    public async Task<IActionResult> Delete(long id, CancellationToken cancellationToken)
    {
        try
        {
            await links.DeleteAsync(User, id, cancellationToken);
            TempData["Message"] = "Link removed.";
        }
        catch (NotFoundException missing)
        {
            TempData["Error"] = missing.Message;
        }

        return RedirectToAction(nameof(Manage));
    }
}
