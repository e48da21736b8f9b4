using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Accounts;

/// <summary>
/// Password reset and first password by e-mail, self-registration with e-mail confirmation, and the administrator's
/// reset of a person's two-factor sign-in. Nothing here tells an anonymous caller whether an address has an account.
/// </summary>
internal sealed class AccountService(
    UserManager<User> userManager,
    RegistrationService registration,
    AccountMails mails,
    AccountStanding standing,
    SessionService sessions,
    IAuthorizationService authorization,
    AccountPrivilege privilege,
    IStringLocalizer<ModuleResources> T)
{
    /// <summary>Mails a reset link when the address belongs to an account that may sign in; silent otherwise.</summary>
    public async Task RequestPasswordResetAsync(string? email, CancellationToken cancellationToken)
    {
        // Without a public address nobody gets a link, whether or not the address has an account: the answer stays the same.
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256 || !mails.IsAvailable || !await mails.CanLinkAsync(cancellationToken))
        {
            return;
        }

        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive || user.ErasedUtc is not null || !standing.MaySignIn(user, ignoreConfirmation: true))
        {
            return;
        }

        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        await mails.SendPasswordLinkAsync(user, token, firstPassword: false, cancellationToken);
    }

    /// <summary>An administrator sends a person the link to choose their (first) password.</summary>
    /// <exception cref="NotFoundException">No such person.</exception>
    /// <exception cref="ConflictException">No e-mail feature, or the person has no address or may not sign in.</exception>
    public async Task SendSetPasswordMailAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ManageUsers);
        var user = await userManager.FindByIdAsync(userId) ?? throw new NotFoundException(T["No person with id '{0}'.", userId]);
        await privilege.EnsureMayChangeAsync(admin, user.Id, cancellationToken);
        if (!mails.IsAvailable)
        {
            throw new ConflictException(T["The E-mail feature is off: no mail can be sent."]);
        }

        if (string.IsNullOrEmpty(user.Email) || !standing.MaySignIn(user, ignoreConfirmation: true))
        {
            throw new ConflictException(T["This person has no e-mail address or can no longer sign in."]);
        }

        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        await mails.SendPasswordLinkAsync(user, token, firstPassword: true, cancellationToken);
    }

    /// <summary>Sets the new password from a mailed link. The link works once: the change renews the security stamp.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(string? userId, string? token, string? password)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await userManager.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(token))
        {
            return IdentityResult.Failed(userManager.ErrorDescriber.InvalidToken());
        }

        var result = await userManager.ResetPasswordAsync(user, token, password ?? "");
        if (result.Succeeded)
        {
            // The link reached the mailbox: the address is the person's. A reset also lifts a lockout.
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await userManager.UpdateAsync(user);
            }

            await userManager.SetLockoutEndDateAsync(user, null);
            await userManager.ResetAccessFailedCountAsync(user);
        }

        return result;
    }

    /// <summary>Registers a person whose address is at an allowed domain; the account waits for the address's confirmation.</summary>
    /// <exception cref="NotFoundException">Self-registration is off.</exception>
    /// <exception cref="InvalidInputException">A bad field, named (<c>email</c> for a domain that is not allowed).</exception>
    public async Task RegisterAsync(string? displayName, string? email, string? password, CancellationToken cancellationToken)
    {
        var settings = await registration.GetAsync(cancellationToken);
        if (settings.Policy != RegistrationPolicy.SelfRegistrationByDomain)
        {
            throw new NotFoundException(T["Self-registration is off in this organisation."]);
        }

        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            throw new InvalidInputException("email", T["A valid e-mail address is required."]);
        }

        if (!RegistrationService.IsAllowedDomain(settings, email))
        {
            throw new InvalidInputException("email", T["Only addresses at {0} may register.", string.Join(", ", settings.AllowedDomains)]);
        }

        if (!mails.IsAvailable)
        {
            throw new InvalidInputException("email", T["Registration needs the organisation's e-mail, which is off."]);
        }

        if (await userManager.FindByEmailAsync(email) is { } existing)
        {
            // Same answer as a new registration: the mailbox's owner learns it, the visitor does not.
            if (standing.MaySignIn(existing, ignoreConfirmation: true))
            {
                await mails.SendAlreadyRegisteredAsync(existing, cancellationToken);
            }

            return;
        }

        var user = await registration.CreateAccountAsync(email, displayName, password, emailConfirmed: false, cancellationToken);
        await SendConfirmationAsync(user, cancellationToken);
    }

    /// <summary>Mails the confirmation link again to an account that waits for it; silent otherwise.</summary>
    public async Task ResendConfirmationAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256)
        {
            return;
        }

        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is { EmailConfirmed: false } && standing.MaySignIn(user, ignoreConfirmation: true))
        {
            await SendConfirmationAsync(user, cancellationToken);
        }
    }

    /// <summary>Follows a confirmation link: of the account's address, or of a new address (<paramref name="newEmail"/>), which then replaces it.</summary>
    public async Task<IdentityResult> ConfirmAsync(string? userId, string? token, string? newEmail)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await userManager.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(token))
        {
            return IdentityResult.Failed(userManager.ErrorDescriber.InvalidToken());
        }

        if (string.IsNullOrEmpty(newEmail))
        {
            return await userManager.ConfirmEmailAsync(user, token);
        }

        if (await userManager.FindByEmailAsync(newEmail) is { } other && other.Id != user.Id)
        {
            return IdentityResult.Failed(userManager.ErrorDescriber.DuplicateEmail(newEmail));
        }

        // ChangeEmailAsync checks the token (bound to the new address), sets the address as confirmed and renews the stamp.
        return await userManager.ChangeEmailAsync(user, newEmail, token);
    }

    /// <summary>A person asks to use another address: it replaces the current one when its link is followed.</summary>
    /// <returns>False when there is no e-mail to send with (the address then cannot change this way).</returns>
    public async Task<bool> RequestEmailChangeAsync(User user, string newEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!mails.IsAvailable)
        {
            return false;
        }

        var token = await userManager.GenerateChangeEmailTokenAsync(user, newEmail);
        await mails.SendConfirmationAsync(user, newEmail, token, emailChange: true, cancellationToken);
        return true;
    }

    /// <summary>An administrator turns off a person's two-factor sign-in (lost phone): a new authenticator key, the codes void, sessions signed out.</summary>
    /// <exception cref="NotFoundException">No such person.</exception>
    public async Task ResetTwoFactorAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ManageUsers);
        var user = await userManager.FindByIdAsync(userId) ?? throw new NotFoundException(T["No person with id '{0}'.", userId]);
        await privilege.EnsureMayChangeAsync(admin, user.Id, cancellationToken);
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await userManager.UpdateSecurityStampAsync(user);
        await sessions.RevokeOthersAsync(user.Id, keepId: null, cancellationToken);
    }

    private async Task SendConfirmationAsync(User user, CancellationToken cancellationToken)
    {
        var token = await userManager.GenerateEmailConfirmationTokenAsync(user);
        await mails.SendConfirmationAsync(user, user.Email!, token, emailChange: false, cancellationToken);
    }
}
