using InternalSocial.Kernel.Localization;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Home.Controllers;

/// <summary>The home page, where modules will add their widgets (feed, events, links), and the language switch.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class HomeController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();

    /// <summary>What the installed app shows when the network is gone.</summary>
    [HttpGet("offline")]
    public IActionResult Offline() => View();

    /// <summary>Remembers the visitor's language and goes back to the page they were on.</summary>
    [HttpPost("language")]
    public IActionResult Language(string? culture, string? returnUrl)
    {
        if (culture is not null && TenantLocalization.SupportedCultures.Any(c => c.Name == culture))
        {
            TenantLocalization.RememberCulture(Response, culture, Request.PathBase);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/"));
    }
}
