using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace InternalSocial.Users.Services;

/// <summary>Who may sign in at all: not a deactivated or erased person, not a guest past their expiry date, not an account whose e-mail address waits for its confirmation.</summary>
internal sealed class AccountStanding(TimeProvider clock) : IUserConfirmation<User>
{
    public Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) => Task.FromResult(MaySignIn(user));

    /// <param name="ignoreConfirmation">True to leave out the e-mail confirmation that a self-registered account waits for.</param>
    public bool MaySignIn(User user, bool ignoreConfirmation = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && user.ErasedUtc is null && (user.GuestExpiresUtc is not { } expires || expires > clock.GetUtcNow().UtcDateTime)
            && (ignoreConfirmation || user.EmailConfirmed);
    }
}
