using System.Globalization;
using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Charter.FeedBridge;

/// <summary>The editorial charter beside the composer, folded unless the settings say otherwise: an author opens it when in doubt. Nothing when none is published.</summary>
internal sealed class EditorialCharterViewComponent(CharterService charter, CharterSettingsService settings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var current = await charter.CurrentAsync(UserClaimsPrincipal, CharterAudiences.Editorial, HttpContext.RequestAborted);
        if (current is null)
        {
            return Content("");
        }

        var expanded = (await settings.GetAsync(HttpContext.RequestAborted)).EditorialExpanded;
        return View(new EditorialCharterModel(current.Number, CharterMarkdown.Render(CharterTexts.Pick(current.Texts, CultureInfo.CurrentUICulture)), expanded));
    }
}
