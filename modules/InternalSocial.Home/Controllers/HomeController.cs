using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Home.Controllers;

/// <summary>The home page. Modules will add their widgets to it (feed, events, links).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class HomeController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
