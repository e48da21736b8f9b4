using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Accounts;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Controllers;

/// <summary>Signing in and out, two-factor codes and forgotten passwords. Registration and invitations are <see cref="RegistrationController"/>'s.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Route("account")]
internal sealed class AccountController(
    SignInManager<User> signInManager,
    UserManager<User> userManager,
    AccountService accounts,
    RegistrationService registration,
    SessionService sessions,
    IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("signin")]
    [AllowAnonymous]
    public async Task<IActionResult> SignIn(string? returnUrl, CancellationToken cancellationToken) =>
        View(new SignInViewModel { ReturnUrl = returnUrl, CanRegister = await registration.SelfRegistrationOpenAsync(cancellationToken) });

    [HttpPost("signin")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public async Task<IActionResult> SignIn(SignInViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.CanRegister = await registration.SelfRegistrationOpenAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await userManager.FindByNameAsync(model.UserName) ?? await userManager.FindByEmailAsync(model.UserName);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignedIn(user!, model.ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe });
        }

        // An account waiting for its address's confirmation says so, but only to someone who knows its password.
        if (result.IsNotAllowed && user is { EmailConfirmed: false, IsActive: true, ErasedUtc: null } && await userManager.CheckPasswordAsync(user, model.Password))
        {
            model.UnconfirmedEmail = user.Email;
            ModelState.AddModelError("", T["Confirm your e-mail address first: follow the link we sent to it."]);
            return View(model);
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? T["This account is locked after too many failed attempts. Try again in a few minutes."]
            : result.IsNotAllowed
                ? T["This account can no longer sign in (it was deactivated, or a guest's access has ended)."]
                : T["The user name or password is wrong."]);
        return View(model);
    }

    [HttpGet("signin/two-factor")]
    [AllowAnonymous]
    public async Task<IActionResult> TwoFactor(string? returnUrl, bool rememberMe) =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignIn), new { returnUrl })
            : View(new TwoFactorViewModel { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost("signin/two-factor")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public async Task<IActionResult> TwoFactor(TwoFactorViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(SignIn), new { returnUrl = model.ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var code = model.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // Six digits are an authenticator code; anything else is tried as a recovery code (each works once).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, model.RememberMe, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync(model.Code.Trim());
        if (result.Succeeded)
        {
            return SignedIn(user, model.ReturnUrl);
        }

        ModelState.AddModelError(nameof(model.Code), result.IsLockedOut
            ? T["This account is locked after too many failed attempts. Try again in a few minutes."]
            : T["This code is wrong or expired."]);
        return View(model);
    }

    [HttpPost("signout")]
    public async Task<IActionResult> SignOutPost(CancellationToken cancellationToken)
    {
        if (SessionService.CurrentId(User) is { } session && User.FindUserId() is { } userId)
        {
            try
            {
                await sessions.RevokeAsync(userId, session, cancellationToken);
            }
            catch (NotFoundException)
            {
                // Already revoked elsewhere.
            }
        }

        await signInManager.SignOutAsync();
        return LocalRedirect(Url.Content("~/"));
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied() => View();

    [HttpGet("forgot")]
    [AllowAnonymous]
    public IActionResult Forgot() => View(new EmailViewModel());

    /// <summary>The same answer whether the address has an account or not.</summary>
    [HttpPost("forgot")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public Task<IActionResult> Forgot(EmailViewModel model, CancellationToken cancellationToken) =>
        this.MailLinkAsync(model, email => accounts.RequestPasswordResetAsync(email, cancellationToken), T["Check your mailbox"], T["If an account uses this address, we sent it a link to choose a new password. The link works once, for 24 hours."]);

    [HttpGet("reset")]
    [AllowAnonymous]
    public IActionResult Reset(string? user, string? token) =>
        string.IsNullOrEmpty(user) || string.IsNullOrEmpty(token)
            ? this.AccountMessage(T["This link does not work"], T["The link is incomplete. Ask for a new one."], T["Forgot your password?"], Url.Content("~/account/forgot"), StatusCodes.Status400BadRequest)
            : View(new NewPasswordViewModel { UserId = user, Token = token });

    [HttpPost("reset")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public async Task<IActionResult> Reset(NewPasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        if (model.Password != model.Confirmation)
        {
            ModelState.AddModelError(nameof(model.Confirmation), T["The two passwords differ."]);
            return View(model);
        }

        var result = await accounts.ResetPasswordAsync(model.UserId, model.Token, model.Password);
        if (result.Succeeded)
        {
            return this.AccountMessage(T["Your password is set"], T["Sign in with your new password."], T["Sign in"], Url.Content("~/account/signin"));
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return this.AccountMessage(T["This link does not work"], T["The link was already used, or it expired. Ask for a new one."], T["Forgot your password?"], Url.Content("~/account/forgot"), StatusCodes.Status400BadRequest);
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(model.Password), error.Description);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(model);
    }

    private IActionResult SignedIn(User user, string? returnUrl)
    {
        if (user.PreferredLanguage is { } language)
        {
            InternalSocial.Kernel.Localization.TenantLocalization.RememberCulture(Response, language, Request.PathBase);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/"));
    }
}
