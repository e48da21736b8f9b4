using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Accounts;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace InternalSocial.Users.Services;

/// <summary>What the sign-out button does, for other modules: the session row is revoked, not only the cookie cleared.</summary>
internal sealed class PersonSignOut(SessionService sessions, SignInManager<User> signInManager) : IPersonSignOut
{
    public async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SessionService.CurrentId(context.User) is { } session && context.User.FindUserId() is { } userId)
        {
            try
            {
                await sessions.RevokeAsync(userId, session, cancellationToken);
            }
            catch (NotFoundException)
            {
                // Already revoked elsewhere: the cookie is cleared all the same.
            }
        }

        await signInManager.SignOutAsync();
    }
}
