using System.Text;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Accounts;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace InternalSocial.Users.Controllers;

/// <param name="NewToken">A token just created: shown this once, never again.</param>
internal sealed record MyAccountViewModel(
    IReadOnlyList<AccessTokenSummary> Tokens,
    CreatedAccessToken? NewToken,
    IReadOnlyList<string> Errors,
    IReadOnlyList<SessionSummary> Sessions,
    bool TwoFactorEnabled,
    int RecoveryCodesLeft);

/// <param name="SharedKey">The authenticator key, in groups of four letters for typing.</param>
/// <param name="AuthenticatorUri">The otpauth:// URI the QR code holds.</param>
/// <param name="QrCodeSvg">The QR code as an SVG image (generated on the server, no script).</param>
internal sealed record TwoFactorSetupViewModel(string SharedKey, string AuthenticatorUri, string QrCodeSvg, string? Error);

/// <summary>Recovery codes, shown once.</summary>
internal sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes);

/// <summary>The signed-in person's account: password, two-factor sign-in, sessions and personal access tokens.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[Route("account")]
internal sealed class MyAccountController(
    UserManager<User> userManager,
    SignInManager<User> signInManager,
    AccessTokenService tokens,
    SessionService sessions,
    InternalSocial.Kernel.Settings.SiteSettingsService siteSettings,
    IStringLocalizer<ModuleResources> T) : Controller
{
    public const int RecoveryCodeCount = 10;

    private string UserId => User.FindUserId()!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await ModelAsync(null, [], cancellationToken));

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
            return View(nameof(Index), await ModelAsync(null, errors, cancellationToken));
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
            return View(nameof(Index), await ModelAsync(created, [], cancellationToken));
        }
        catch (InvalidInputException invalid)
        {
            return View(nameof(Index), await ModelAsync(null, [.. invalid.Errors.Values], cancellationToken));
        }
    }

    [HttpPost("tokens/{id}/revoke")]
    [RedirectOnError("~/account", typeof(NotFoundException))]
    public async Task<IActionResult> RevokeToken(string id, CancellationToken cancellationToken)
    {
        await tokens.RevokeAsync(UserId, id, cancellationToken);
        TempData["Message"] = T["The token is revoked."].Value;

        return RedirectToAction(nameof(Index));
    }

    [HttpPost("sessions/{id}/revoke")]
    [RedirectOnError("~/account", typeof(NotFoundException))]
    public async Task<IActionResult> RevokeSession(string id, CancellationToken cancellationToken)
    {
        await sessions.RevokeAsync(UserId, id, cancellationToken);
        TempData["Message"] = T["The session is signed out."].Value;

        return RedirectToAction(nameof(Index));
    }

    /// <summary>Signs out every other session, and (by a new security stamp) any older cookie without a session.</summary>
    [HttpPost("sessions/revoke-others")]
    public async Task<IActionResult> RevokeOtherSessions(CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var count = await sessions.RevokeOthersAsync(UserId, SessionService.CurrentId(User), cancellationToken);
        await userManager.UpdateSecurityStampAsync(user);
        await signInManager.RefreshSignInAsync(user);
        TempData["Message"] = T.Plural(count, "{0} other session is signed out.", "{0} other sessions are signed out.").Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor(CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return user.TwoFactorEnabled ? RedirectToAction(nameof(Index)) : View(await SetupAsync(user, null, cancellationToken));
    }

    /// <summary>Turns two-factor sign-in on once a code from the app proves it is set up; shows the recovery codes once.</summary>
    [HttpPost("two-factor")]
    public async Task<IActionResult> EnableTwoFactor(string? code, CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length == 0 || !await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(TwoFactor), await SetupAsync(user, T["This code is wrong or expired; enter the code your app shows now."], cancellationToken));
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signInManager.RefreshSignInAsync(user);
        return View("RecoveryCodes", new RecoveryCodesViewModel([.. codes ?? []]));
    }

    [HttpPost("two-factor/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return View("RecoveryCodes", new RecoveryCodesViewModel([.. codes ?? []]));
    }

    /// <summary>Turns two-factor sign-in off; the password confirms it is the person.</summary>
    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor(string? password, CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await userManager.CheckPasswordAsync(user, password ?? ""))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await ModelAsync(null, [T["The password is wrong."]], cancellationToken));
        }

        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signInManager.RefreshSignInAsync(user);
        TempData["Message"] = T["Two-factor sign-in is off."].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<MyAccountViewModel> ModelAsync(CreatedAccessToken? created, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        return new MyAccountViewModel(
            await tokens.ListAsync(UserId, cancellationToken),
            created,
            errors,
            await sessions.ListAsync(UserId, SessionService.CurrentId(User), cancellationToken),
            user?.TwoFactorEnabled == true,
            user is null ? 0 : await userManager.CountRecoveryCodesAsync(user));
    }

    private async Task<TwoFactorSetupViewModel> SetupAsync(User user, string? error, CancellationToken cancellationToken)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: without a refresh, this very session would be signed out at its next check.
            await signInManager.RefreshSignInAsync(user);
        }

        var issuer = (await siteSettings.GetAsync(cancellationToken)).SiteName;
        var account = user.Email ?? user.UserName!;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new TwoFactorSetupViewModel(Grouped(key!), uri, svg, error);
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
