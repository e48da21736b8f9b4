using System.ComponentModel.DataAnnotations;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Controllers;

public sealed class SignInViewModel
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
}

[ApiExplorerSettings(IgnoreApi = true)]
[Route("account")]
public sealed class AccountController(SignInManager<User> signInManager, UserManager<User> userManager, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("signin")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View(new SignInViewModel { ReturnUrl = returnUrl });

    [HttpPost("signin")]
    [AllowAnonymous]
    [EnableRateLimiting(Startup.AuthRateLimitPolicy)]
    public async Task<IActionResult> SignIn(SignInViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
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
            if (user!.PreferredLanguage is { } language)
            {
                InternalSocial.Kernel.Localization.TenantLocalization.RememberCulture(Response, language, Request.PathBase);
            }

            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : Url.Content("~/"));
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? T["This account is locked after too many failed attempts. Try again in a few minutes."]
            : result.IsNotAllowed
                ? T["This account can no longer sign in (it was deactivated, or a guest's access has ended)."]
                : T["The user name or password is wrong."]);
        return View(model);
    }

    [HttpPost("signout")]
    public async Task<IActionResult> SignOutPost()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect(Url.Content("~/"));
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied() => View();
}
