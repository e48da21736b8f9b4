using System.ComponentModel.DataAnnotations;
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

internal sealed class SignInViewModel
{
    [Required(ErrorMessage = "Enter your user name or e-mail.")]
    [Display(Name = "User name or e-mail")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The organisation lets people register (a link to the form).</summary>
    public bool CanRegister { get; set; }

    /// <summary>The password was right but the address is not confirmed yet: offer to send the link again.</summary>
    public string? UnconfirmedEmail { get; set; }
}

internal sealed class TwoFactorViewModel
{
    [Required(ErrorMessage = "Enter the code.")]
    [Display(Name = "Code from your authenticator app, or a recovery code")]
    public string Code { get; set; } = "";

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>One e-mail address field: forgotten password, confirmation link again.</summary>
internal sealed class EmailViewModel
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";
}

internal sealed class NewPasswordViewModel
{
    public string UserId { get; set; } = "";

    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Enter your new password.")]
    [Display(Name = "New password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the new password again.")]
    [Display(Name = "Confirm the new password")]
    [DataType(DataType.Password)]
    public string Confirmation { get; set; } = "";
}

internal sealed class RegisterViewModel
{
    [Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Confirm the password")]
    [DataType(DataType.Password)]
    public string Confirmation { get; set; } = "";

    /// <summary>The invitation's token when the form accepts an invitation (the e-mail is then the invitation's).</summary>
    public string? InvitationToken { get; set; }

    public IReadOnlyList<string> AllowedDomains { get; set; } = [];
}

/// <summary>A page that only says something, with an optional link.</summary>
internal sealed record AccountMessageViewModel(string Title, string Text, string? LinkText = null, string? LinkUrl = null);

/// <summary>Signing in and out, two-factor codes, forgotten passwords, registration, invitations and e-mail confirmation.</summary>
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
    public async Task<IActionResult> Forgot(EmailViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        await accounts.RequestPasswordResetAsync(model.Email, cancellationToken);
        return Message(T["Check your mailbox"], T["If an account uses this address, we sent it a link to choose a new password. The link works once, for 24 hours."]);
    }

    [HttpGet("reset")]
    [AllowAnonymous]
    public IActionResult Reset(string? user, string? token) =>
        string.IsNullOrEmpty(user) || string.IsNullOrEmpty(token)
            ? Message(T["This link does not work"], T["The link is incomplete. Ask for a new one."], T["Forgot your password?"], Url.Content("~/account/forgot"), StatusCodes.Status400BadRequest)
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
            return Message(T["Your password is set"], T["Sign in with your new password."], T["Sign in"], Url.Content("~/account/signin"));
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return Message(T["This link does not work"], T["The link was already used, or it expired. Ask for a new one."], T["Forgot your password?"], Url.Content("~/account/forgot"), StatusCodes.Status400BadRequest);
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(model.Password), error.Description);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(model);
    }

    [HttpGet("register")]
    [AllowAnonymous]
    public async Task<IActionResult> Register(CancellationToken cancellationToken)
    {
        var settings = await registration.GetAsync(cancellationToken);
        return settings.Policy != RegistrationPolicy.SelfRegistrationByDomain
            ? NotFound()
            : View(new RegisterViewModel { AllowedDomains = settings.AllowedDomains });
    }

    [HttpPost("register")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public async Task<IActionResult> Register(RegisterViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var settings = await registration.GetAsync(cancellationToken);
        if (settings.Policy != RegistrationPolicy.SelfRegistrationByDomain)
        {
            return NotFound();
        }

        model.AllowedDomains = settings.AllowedDomains;
        model.InvitationToken = null;
        if (model.Password != model.Confirmation)
        {
            return Invalid(model, nameof(model.Confirmation), T["The two passwords differ."]);
        }

        try
        {
            await accounts.RegisterAsync(model.DisplayName, model.Email, model.Password, cancellationToken);
        }
        catch (InvalidInputException invalid)
        {
            return Invalid(model, invalid.Errors);
        }

        return Message(T["Check your mailbox"], T["We sent a link to {0}. Follow it to confirm your address; then you can sign in.", model.Email.Trim()]);
    }

    [HttpGet("confirm")]
    [AllowAnonymous]
    public async Task<IActionResult> Confirm(string? user, string? token, string? email)
    {
        var result = await accounts.ConfirmAsync(user, token, email);
        if (result.Succeeded && email is not null && User.FindUserId() == user && await userManager.GetUserAsync(User) is { } me)
        {
            // The change renewed the security stamp: keep this browser signed in (others sign in again).
            await signInManager.RefreshSignInAsync(me);
        }

        if (result.Succeeded)
        {
            return email is null
                ? Message(T["Your address is confirmed"], T["You can sign in now."], T["Sign in"], Url.Content("~/account/signin"))
                : Message(T["Your address is changed"], T["Your account now uses {0}.", email], T["Back to the site"], Url.Content("~/"));
        }

        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
            ? Message(T["This link does not work"], T["Another account uses this address now."], null, null, StatusCodes.Status409Conflict)
            : Message(T["This link does not work"], T["The link was already used, or it expired."], T["Send the link again"], Url.Content("~/account/confirm/resend"), StatusCodes.Status400BadRequest);
    }

    [HttpGet("confirm/resend")]
    [AllowAnonymous]
    public IActionResult Resend(string? email) => View(new EmailViewModel { Email = email ?? "" });

    [HttpPost("confirm/resend")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public async Task<IActionResult> Resend(EmailViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        await accounts.ResendConfirmationAsync(model.Email, cancellationToken);
        return Message(T["Check your mailbox"], T["If an account waits for this address's confirmation, we sent the link again."]);
    }

    [HttpGet("invitation")]
    [AllowAnonymous]
    public async Task<IActionResult> Invitation(string? token, CancellationToken cancellationToken)
    {
        if (!await registration.InvitationsOpenAsync(cancellationToken))
        {
            return NotFound();
        }

        var (state, invitation) = await registration.FindInvitationAsync(token, cancellationToken);
        return state == InvitationState.Valid
            ? View(new RegisterViewModel { Email = invitation!.Email, InvitationToken = token })
            : InvitationRefused(state);
    }

    [HttpPost("invitation")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public async Task<IActionResult> Invitation(RegisterViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!await registration.InvitationsOpenAsync(cancellationToken))
        {
            return NotFound();
        }

        var (state, invitation) = await registration.FindInvitationAsync(model.InvitationToken, cancellationToken);
        if (state != InvitationState.Valid)
        {
            return InvitationRefused(state);
        }

        model.Email = invitation!.Email;
        if (model.Password != model.Confirmation)
        {
            return Invalid(model, nameof(model.Confirmation), T["The two passwords differ."], "Invitation");
        }

        try
        {
            var user = await registration.AcceptAsync(invitation, model.DisplayName, model.Password, cancellationToken);
            await signInManager.SignInAsync(user, isPersistent: false);
            TempData["Message"] = T["Welcome, {0}! Your account is ready.", user.DisplayName].Value;
            return LocalRedirect(Url.Content("~/"));
        }
        catch (InvalidInputException invalid)
        {
            return Invalid(model, invalid.Errors, "Invitation");
        }
        catch (ConflictException conflict)
        {
            return Message(T["This invitation cannot be used"], conflict.Message, T["Sign in"], Url.Content("~/account/signin"), StatusCodes.Status409Conflict);
        }
    }

    private IActionResult SignedIn(User user, string? returnUrl)
    {
        if (user.PreferredLanguage is { } language)
        {
            InternalSocial.Kernel.Localization.TenantLocalization.RememberCulture(Response, language, Request.PathBase);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/"));
    }

    private ViewResult InvitationRefused(InvitationState state) => state switch
    {
        InvitationState.Used => Message(T["This invitation was already used"], T["An account was created with it. Sign in, or ask for a new invitation."], T["Sign in"], Url.Content("~/account/signin"), StatusCodes.Status410Gone),
        InvitationState.Expired => Message(T["This invitation has expired"], T["Invitations work for 7 days. Ask the person who invited you for a new one."], null, null, StatusCodes.Status410Gone),
        _ => Message(T["This invitation does not exist"], T["Check that you opened the whole link from the e-mail."], null, null, StatusCodes.Status404NotFound),
    };

    private ViewResult Invalid(RegisterViewModel model, string field, string problem, string view = "Register") =>
        Invalid(model, new Dictionary<string, string> { [field] = problem }, view);

    private ViewResult Invalid(RegisterViewModel model, IReadOnlyDictionary<string, string> errors, string view = "Register")
    {
        foreach (var (field, problem) in errors)
        {
            // Service fields are camelCase (email); the form's are the model's properties (Email).
            ModelState.AddModelError(field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..], problem);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(view, model);
    }

    private ViewResult Message(string title, string text, string? linkText = null, string? linkUrl = null, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        return View("Message", new AccountMessageViewModel(title, text, linkText, linkUrl));
    }
}
