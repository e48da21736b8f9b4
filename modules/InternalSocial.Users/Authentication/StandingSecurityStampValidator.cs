using System.Security.Claims;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalSocial.Users.Authentication;

/// <summary>
/// Signs a browser session out at its next check (every minute) when the person may no longer sign in: deactivated,
/// erased, or a guest whose access has ended. A guest's expiry changes no security stamp, so the stamp alone is not enough.
/// </summary>
internal sealed class StandingSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<User> signInManager,
    ILoggerFactory logger,
    AccountStanding standing)
    : SecurityStampValidator<User>(options, signInManager, logger)
{
    protected override async Task<User?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is not null && standing.MaySignIn(user) ? user : null;
    }
}
