using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Workflows.Controllers;

/// <summary>The moderation log in the administration: who did what, when and why, newest first, with a CSV export.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[Route("admin/moderation/log")]
internal sealed class ModerationLogController(ModerationService moderation) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? cursor, CancellationToken cancellationToken) =>
        View(new ModerationLogViewModel(await moderation.LogAsync(User, cursor, PageSize, cancellationToken), cursor, PageSize));
}
