using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Users.OpenIdConnect;

internal sealed record ExternalSignInButton(string ProviderName, string? ReturnUrl);

internal sealed record ExternalLoginsModel(IReadOnlyList<LinkedLogin> Logins, bool CanUnlink);

/// <summary>The "Sign in with …" button on the sign-in page, once a provider is configured.</summary>
internal sealed class ExternalSignInViewComponent(OpenIdConnectSettingsService settings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var current = await settings.GetAsync(HttpContext.RequestAborted);
        if (!current.IsConfigured)
        {
            return Content("");
        }

        var returnUrl = Request.HasFormContentType ? Request.Form["ReturnUrl"].ToString() : Request.Query["returnUrl"].ToString();
        return View(new ExternalSignInButton(current.ProviderName, returnUrl.Length == 0 ? null : returnUrl));
    }
}

/// <summary>On the account page: the provider logins linked to the person, each with a button to unlink it.</summary>
internal sealed class ExternalLoginsViewComponent(ExternalLoginService logins, UserManager<User> userManager) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.FindUserId() is not { } userId || await userManager.FindByIdAsync(userId) is not { } user)
        {
            return Content("");
        }

        var linked = await logins.ListAsync(userId, HttpContext.RequestAborted);
        // A login can go if the person keeps a way in: a password, or another login.
        var canUnlink = await userManager.HasPasswordAsync(user) || (await userManager.GetLoginsAsync(user)).Count > 1;
        return View(new ExternalLoginsModel(linked, canUnlink));
    }
}
