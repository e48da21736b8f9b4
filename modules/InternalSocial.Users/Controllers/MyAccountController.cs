using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Controllers;

/// <param name="NewToken">A token just created: shown this once, never again.</param>
public sealed record MyAccountViewModel(IReadOnlyList<AccessTokenSummary> Tokens, CreatedAccessToken? NewToken, IReadOnlyList<string> Errors);

/// <summary>The signed-in person's account: password and personal access tokens.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[Route("account")]
public sealed class MyAccountController(
    UserManager<User> userManager,
    SignInManager<User> signInManager,
    AccessTokenService tokens,
    IStringLocalizer<ModuleResources> T) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new MyAccountViewModel(await tokens.ListAsync(UserId, cancellationToken), null, []));

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(string? currentPassword, string? newPassword, string? confirmation, CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        IReadOnlyList<string> errors = newPassword != confirmation
            ? [T["The two passwords differ."]]
            : [.. (await userManager.ChangePasswordAsync(user, currentPassword ?? "", newPassword ?? "")).Errors.Select(e => e.Description)];
        if (errors.Count > 0)
        {
            return View(nameof(Index), new MyAccountViewModel(await tokens.ListAsync(UserId, cancellationToken), null, errors));
        }

        // The new security stamp signs out other sessions; keep this one.
        await signInManager.RefreshSignInAsync(user);
        TempData["Message"] = T["Your password is changed."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("tokens")]
    public async Task<IActionResult> CreateToken(string? name, int? expiresInDays, CancellationToken cancellationToken)
    {
        try
        {
            var created = await tokens.CreateForUserAsync(UserId, name, expiresInDays, cancellationToken);
            return View(nameof(Index), new MyAccountViewModel(await tokens.ListAsync(UserId, cancellationToken), created, []));
        }
        catch (InvalidInputException invalid)
        {
            return View(nameof(Index), new MyAccountViewModel(await tokens.ListAsync(UserId, cancellationToken), null, [.. invalid.Errors.Values]));
        }
    }

    [HttpPost("tokens/{id}/revoke")]
    public async Task<IActionResult> RevokeToken(string id, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.RevokeAsync(UserId, id, cancellationToken);
            TempData["Message"] = T["The token is revoked."].Value;
        }
        catch (NotFoundException missing)
        {
            TempData["Error"] = missing.Message;
        }

        return RedirectToAction(nameof(Index));
    }
}
