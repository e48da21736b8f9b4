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

/// <summary>Self-registration by e-mail domain, invitations, and the confirmation of an e-mail address.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Route("account")]
internal sealed class RegistrationController(
    SignInManager<User> signInManager,
    UserManager<User> userManager,
    AccountService accounts,
    RegistrationService registration,
    IStringLocalizer<ModuleResources> T) : Controller
{
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

        return this.AccountMessage(T["Check your mailbox"], T["We sent a link to {0}. Follow it to confirm your address; then you can sign in.", model.Email.Trim()]);
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
                ? this.AccountMessage(T["Your address is confirmed"], T["You can sign in now."], T["Sign in"], Url.Content("~/account/signin"))
                : this.AccountMessage(T["Your address is changed"], T["Your account now uses {0}.", email], T["Back to the site"], Url.Content("~/"));
        }

        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
            ? this.AccountMessage(T["This link does not work"], T["Another account uses this address now."], null, null, StatusCodes.Status409Conflict)
            : this.AccountMessage(T["This link does not work"], T["The link was already used, or it expired."], T["Send the link again"], Url.Content("~/account/confirm/resend"), StatusCodes.Status400BadRequest);
    }

    [HttpGet("confirm/resend")]
    [AllowAnonymous]
    public IActionResult Resend(string? email) => View(new EmailViewModel { Email = email ?? "" });

    [HttpPost("confirm/resend")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public Task<IActionResult> Resend(EmailViewModel model, CancellationToken cancellationToken) =>
        this.MailLinkAsync(model, email => accounts.ResendConfirmationAsync(email, cancellationToken), T["Check your mailbox"], T["If an account waits for this address's confirmation, we sent the link again."]);

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
            return this.AccountMessage(T["This invitation cannot be used"], conflict.Message, T["Sign in"], Url.Content("~/account/signin"), StatusCodes.Status409Conflict);
        }
    }

    private ViewResult InvitationRefused(InvitationState state) => state switch
    {
        InvitationState.Used => this.AccountMessage(T["This invitation was already used"], T["An account was created with it. Sign in, or ask for a new invitation."], T["Sign in"], Url.Content("~/account/signin"), StatusCodes.Status410Gone),
        InvitationState.Expired => this.AccountMessage(T["This invitation has expired"], T["Invitations work for 7 days. Ask the person who invited you for a new one."], null, null, StatusCodes.Status410Gone),
        _ => this.AccountMessage(T["This invitation does not exist"], T["Check that you opened the whole link from the e-mail."], null, null, StatusCodes.Status404NotFound),
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
}
