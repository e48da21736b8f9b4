using InternalSocial.QuickLinks.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.QuickLinks.Components;

/// <summary>The first links, on the home page.</summary>
internal sealed class QuickLinksWidgetViewComponent(QuickLinksService links) : ViewComponent
{
    public const int Shown = 6;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var all = await links.ListAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return all.Count == 0 ? Content("") : View(all.Take(Shown).ToList());
    }
}
