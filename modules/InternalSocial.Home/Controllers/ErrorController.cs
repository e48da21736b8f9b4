using InternalSocial.Kernel.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Home.Controllers;

/// <summary>
/// The themed page of an error status that no page wrote a body for (an unknown address, a page refusing access):
/// the kernel re-executes the request here (<see cref="StatusCodePages.PagePath"/>), whatever its method.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class ErrorController : Controller
{
    [Route("error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        return View(Response.StatusCode);
    }
}
