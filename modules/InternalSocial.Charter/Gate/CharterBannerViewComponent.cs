using InternalSocial.Charter.Services;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Charter.Gate;

/// <summary>
/// During the grace period after a material change, the person still enters but every page says a new version awaits
/// them, and until when. Nothing otherwise; the gate's own reading of this request is reused.
/// </summary>
internal sealed class CharterBannerViewComponent(CharterGateCheck gate) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var standing = await gate.StandingAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return standing?.GraceUntil is { } until ? View(until) : Content("");
    }
}
