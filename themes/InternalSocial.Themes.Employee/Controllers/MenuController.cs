using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Themes;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Themes.Employee.Controllers;

/// <summary>
/// Every entry of the main menu on one page: where the phone's bottom bar's "More" leads without JavaScript (with it,
/// "More" opens a sheet over the bar instead). The base theme serves it, so every site theme has it.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class MenuController : Controller
{
    [HttpGet("menu")]
    public async Task<IActionResult> Index() =>
        View(await LayoutModel.BuildAsync(HttpContext.RequestServices, User, MenuNames.Main));
}
