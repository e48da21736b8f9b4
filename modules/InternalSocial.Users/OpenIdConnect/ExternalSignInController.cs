using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary>The message of a refused sign-in, and where to go from there.</summary>
internal sealed record ExternalSignInRefusal(string Message);

/// <summary>
/// Sign-in with the organisation's OpenID Connect provider: the challenge (a form on the sign-in page), the return
/// from the provider (the handler at <see cref="OpenIdConnectStartup.CallbackPath"/> validated the ID token and left it
/// in Identity's external cookie), the page of a refused sign-in, and unlinking a login from the account page.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[FeatureGate(OpenIdConnectStartup.FeatureId)]
internal sealed class ExternalSignInController(
    OpenIdConnectSettingsService settings,
    ExternalLoginService logins,
    SignInManager<User> signInManager,
    IOptionsMonitor<OpenIdConnectOptions> options,
    ILogger<ExternalSignInController> logger,
    IStringLocalizer<ModuleResources> T) : Controller
{
    public const string FailedPath = "/account/external/failed";

    [HttpPost("account/external/challenge")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public async Task<IActionResult> Challenge(string? returnUrl, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        if (!current.IsConfigured)
        {
            return NotFound();
        }

        // Reach the provider before sending the person there: an unreachable provider, or one that announces another
        // issuer than the configured authority, gets a page that says so.
        try
        {
            var configuration = await options.Get(OpenIdConnectDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            if (!OpenIdConnectOptionsSetup.SameIssuer(configuration.Issuer, current.Authority))
            {
                logger.LogWarning("The OpenID Connect provider at {Authority} announces the issuer {Issuer}; sign-in refused.", current.Authority, configuration.Issuer);
                return Refused(T["{0} did not answer as the provider configured here (it names another issuer), so you were not sent there. Tell an administrator.", current.ProviderName]);
            }
        }
        catch (InvalidOperationException exception)
        {
            logger.LogWarning(exception, "The OpenID Connect provider at {Authority} could not be reached.", current.Authority);
            return Refused(T["{0} cannot be reached just now. Try again in a moment, or sign in with your password.", current.ProviderName]);
        }

        var callback = Url.Content("~/account/external/callback") + "?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(returnUrl));
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, OpenIdConnectDefaults.AuthenticationScheme);
    }

    [HttpGet("account/external/callback")]
    [AllowAnonymous]
    public async Task<IActionResult> Callback(string? returnUrl, CancellationToken cancellationToken)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var current = await settings.GetAsync(cancellationToken);
        if (!external.Succeeded || ExternalIdentity.From(external.Principal) is not { } identity
            || !OpenIdConnectOptionsSetup.SameIssuer(identity.Issuer, current.Authority))
        {
            return Failed();
        }

        var outcome = await logins.FindOrCreateAsync(identity, cancellationToken);
        if (outcome.User is not { } user)
        {
            return Refused(outcome.Refusal!);
        }

        // A first sign-in that created the account says so on the cookie: the charter records an acceptance made now as
        // given at the single sign-on's first sign-in.
        Claim[] claims = outcome.Created
            ? [new(ClaimTypes.AuthenticationMethod, ExternalLoginService.LoginProvider), new(SignInClaims.FirstSingleSignOn, "true")]
            : [new(ClaimTypes.AuthenticationMethod, ExternalLoginService.LoginProvider)];
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, claims);
        if (user.PreferredLanguage is { } language)
        {
            InternalSocial.Kernel.Localization.TenantLocalization.RememberCulture(Response, language, Request.PathBase);
        }

        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>Where the handler sends a failed sign-in: a bad state, signature, issuer, audience or code.</summary>
    [HttpGet("account/external/failed")]
    [AllowAnonymous]
    public IActionResult Failed() =>
        Refused(T["The sign-in could not be completed: the provider's answer could not be verified. Try again; if it happens again, tell an administrator."]);

    [HttpPost("account/logins/{key}/remove")]
    [Authorize]
    public async Task<IActionResult> Unlink(string key, CancellationToken cancellationToken)
    {
        try
        {
            await logins.UnlinkAsync(User.FindUserId()!, key, cancellationToken);
            TempData["Message"] = T["The sign-in is unlinked from your account."].Value;
        }
        catch (Exception exception) when (exception is NotFoundException or ConflictException)
        {
            TempData["Error"] = exception.Message;
        }

        return Redirect("~/account");
    }

    private ViewResult Refused(string message)
    {
        var view = View("Refused", new ExternalSignInRefusal(message));
        view.StatusCode = StatusCodes.Status403Forbidden;
        return view;
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
}
