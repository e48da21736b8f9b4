using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary>The provider's word about the person, read from the validated ID token.</summary>
internal sealed record ExternalIdentity(string Issuer, string Subject, string? Email, bool EmailVerified, string? Name)
{
    /// <summary>Reads <c>iss</c>, <c>sub</c>, <c>email</c>, <c>email_verified</c> (or Entra ID's <c>xms_edov</c>) and a name.</summary>
    public static ExternalIdentity? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var issuer = principal.FindFirstValue("iss");
        var subject = principal.FindFirstValue("sub");
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject))
        {
            return null;
        }

        static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        var email = principal.FindFirstValue("email")?.Trim();
        var name = principal.FindFirstValue("name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            name = string.Join(' ', new[] { principal.FindFirstValue("given_name"), principal.FindFirstValue("family_name") }.Where(n => !string.IsNullOrWhiteSpace(n))).Trim();
        }

        return new ExternalIdentity(issuer, subject, System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email ? email : null,
            IsTrue(principal.FindFirstValue("email_verified")) || IsTrue(principal.FindFirstValue("xms_edov")),
            string.IsNullOrEmpty(name) ? null : name);
    }
}

/// <summary>
/// How a sign-in with the provider ended: the account to sign in, or why not (for the person to read);
/// <see cref="Created"/> when this sign-in created the account.
/// </summary>
internal sealed record ExternalSignInOutcome(User? User, string? Refusal, bool Created = false);

/// <summary>A login linked to the signed-in person, for their account page.</summary>
internal sealed record LinkedLogin(string Key, string ProviderName);

/// <summary>
/// Finds, links or creates the account of someone the provider vouched for. A login is the pair (issuer, subject),
/// stored in Identity's user logins as <see cref="LoginProvider"/> and a hash of the pair (<see cref="ProviderKey"/>):
/// another issuer never matches, whatever subject it sends.
/// </summary>
internal sealed class ExternalLoginService(
    UsersDbContext db,
    UserManager<User> userManager,
    SignInManager<User> signInManager,
    OpenIdConnectSettingsService settingsService,
    AccountStanding standing,
    IEventBus events,
    TimeProvider clock,
    ILogger<ExternalLoginService> logger,
    IStringLocalizer<ModuleResources> T)
{
    public const string LoginProvider = "OpenIdConnect";
    public const string Linked = "sso-linked";
    public const string Created = "sso-created";
    public const string Unlinked = "sso-unlinked";
    public const string EmailConfirmed = "sso-email-confirmed";

    public static string ProviderKey(string issuer, string subject)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(subject);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(issuer.TrimEnd('/') + "\n" + subject));
        return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public async Task<ExternalSignInOutcome> FindOrCreateAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var settings = await settingsService.GetAsync(cancellationToken);
        var provider = settings.ProviderName;
        var key = ProviderKey(identity.Issuer, identity.Subject);

        var linked = await userManager.FindByLoginAsync(LoginProvider, key);
        if (linked is not null)
        {
            return await MaySignInAsync(linked) ? new(linked, null) : Refuse(T["This account can no longer sign in (it was deactivated, or a guest's access has ended)."]);
        }

        if (identity.Email is null)
        {
            return Refuse(T["{0} did not tell us your e-mail address, so no account can be found for you. Ask {0}'s administrator to send the e-mail claim.", provider]);
        }

        var existing = await userManager.FindByEmailAsync(identity.Email);
        return existing is not null
            ? await LinkExistingAsync(identity, existing, key, provider, cancellationToken)
            : await ProvisionAsync(identity, settings, key, cancellationToken);
    }

    /// <summary>An account already uses the address: linked when the provider vouches for it and the account may sign in.</summary>
    private async Task<ExternalSignInOutcome> LinkExistingAsync(ExternalIdentity identity, User existing, string key, string provider, CancellationToken cancellationToken)
    {
        if (!identity.EmailVerified)
        {
            return Refuse(T["An account uses {0}, but {1} does not confirm that this address is yours, so it was not linked. Sign in with your password, or ask an administrator.", identity.Email!, provider]);
        }

        // A self-registered account still waiting for its confirmation mail: the provider's verified address proves
        // the mailbox as the mailed link would. A deactivated, erased or expired account stays refused.
        var confirms = !existing.EmailConfirmed && standing.MaySignIn(existing, ignoreConfirmation: true);
        if (!(confirms ? !await userManager.IsLockedOutAsync(existing) : await MaySignInAsync(existing)))
        {
            return Refuse(T["This account can no longer sign in (it was deactivated, or a guest's access has ended)."]);
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (confirms)
        {
            await ConfirmByProviderAsync(existing, cancellationToken);
        }

        await LinkAsync(existing, key, provider, Linked, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new(existing, null);
    }

    /// <summary>No account uses the address: one is created at the first sign-in when the settings allow it.</summary>
    private async Task<ExternalSignInOutcome> ProvisionAsync(ExternalIdentity identity, OpenIdConnectSettings settings, string key, CancellationToken cancellationToken)
    {
        var provider = settings.ProviderName;
        var email = identity.Email!;
        if (!settings.AutoProvision)
        {
            return Refuse(T["You have no account here yet, and accounts are not created at the first sign-in with {0}. Ask an administrator to create yours.", provider]);
        }

        var domain = email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
        if (!settings.AllowedDomains.Contains(domain, StringComparer.Ordinal))
        {
            return Refuse(T["Accounts are created at the first sign-in only for addresses at {0}; yours is at {1}. Ask an administrator.", string.Join(", ", settings.AllowedDomains), domain]);
        }

        if (!identity.EmailVerified)
        {
            return Refuse(T["{0} does not confirm that {1} is yours, so no account was created. Ask an administrator.", provider, email]);
        }

        return new(await CreateAsync(identity, key, provider, cancellationToken), null, Created: true);
    }

    /// <summary>The signed-in person's linked logins.</summary>
    public async Task<IReadOnlyList<LinkedLogin>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.UserLogins.AsNoTracking()
            .Where(l => l.UserId == userId && l.LoginProvider == LoginProvider)
            .OrderBy(l => l.ProviderDisplayName)
            .Select(l => new LinkedLogin(l.ProviderKey, l.ProviderDisplayName ?? l.LoginProvider))
            .ToListAsync(cancellationToken);

    /// <summary>Unlinks one of the person's logins, if they keep a way to sign in (a password or another login).</summary>
    /// <exception cref="NotFoundException">No such login of theirs.</exception>
    /// <exception cref="ConflictException">It is their only way to sign in.</exception>
    public async Task UnlinkAsync(string userId, string key, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId) ?? throw new NotFoundException(T["No person with id '{0}'.", userId]);
        var logins = await userManager.GetLoginsAsync(user);
        if (!logins.Any(l => l.LoginProvider == LoginProvider && l.ProviderKey == key))
        {
            throw new NotFoundException(T["This sign-in is not linked to your account."]);
        }

        if (!await userManager.HasPasswordAsync(user) && logins.Count < 2)
        {
            throw new ConflictException(T["This is your only way to sign in: set a password first."]);
        }

        var removed = await userManager.RemoveLoginAsync(user, LoginProvider, key);
        if (!removed.Succeeded)
        {
            throw new ConflictException(string.Join(" ", removed.Errors.Select(e => e.Description)));
        }

        await AuditAsync(Unlinked, user.Id, cancellationToken);
    }

    private async Task<bool> MaySignInAsync(User user) =>
        await signInManager.CanSignInAsync(user) && !await userManager.IsLockedOutAsync(user);

    /// <summary>
    /// Confirms the address the provider vouched for. Whoever registered it chose the password before anyone proved the
    /// mailbox (possibly not its owner, waiting for the owner to sign in this way), so the password goes (which renews the
    /// security stamp): the person signs in with the provider, or sets a password through "forgot password".
    /// </summary>
    private async Task ConfirmByProviderAsync(User user, CancellationToken cancellationToken)
    {
        user.EmailConfirmed = true;
        var updated = await userManager.UpdateAsync(user);
        if (updated.Succeeded && await userManager.HasPasswordAsync(user))
        {
            updated = await userManager.RemovePasswordAsync(user);
        }

        if (!updated.Succeeded)
        {
            throw new ConflictException(string.Join(" ", updated.Errors.Select(e => e.Description)));
        }

        await AuditAsync(EmailConfirmed, user.Id, cancellationToken);
        logger.LogInformation("E-mail address of user {UserId} confirmed by the OpenID Connect provider.", user.Id);
    }

    private async Task LinkAsync(User user, string key, string provider, string action, CancellationToken cancellationToken)
    {
        var added = await userManager.AddLoginAsync(user, new UserLoginInfo(LoginProvider, key, provider));
        if (!added.Succeeded)
        {
            throw new ConflictException(string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        await AuditAsync(action, user.Id, cancellationToken);
        logger.LogInformation("OpenID Connect login linked to user {UserId} ({Action}).", user.Id, action);
    }

    private async Task<User> CreateAsync(ExternalIdentity identity, string key, string provider, CancellationToken cancellationToken)
    {
        var email = identity.Email!;
        var user = new User
        {
            UserName = await UniqueUserNameAsync(email),
            Email = email,
            // The provider vouched for the address.
            EmailConfirmed = true,
            DisplayName = identity.Name is { Length: > 0 and <= 200 } name ? name : email[..email.IndexOf('@', StringComparison.Ordinal)],
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var created = await userManager.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new ConflictException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        // A person created at the first sign-in is an employee, as one an administrator creates; never a guest.
        await userManager.AddToRoleAsync(user, BuiltInRoles.Employee);
        await LinkAsync(user, key, provider, Created, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        await events.PublishAsync(new PeoplePlaced([user.Id]), cancellationToken);
        return user;
    }

    private async Task<string> UniqueUserNameAsync(string email)
    {
        var allowed = userManager.Options.User.AllowedUserNameCharacters;
        var local = new string([.. email[..email.IndexOf('@', StringComparison.Ordinal)].Where(c => allowed.Contains(c, StringComparison.Ordinal))]);
        local = local.Length == 0 ? "person" : local[..Math.Min(local.Length, 60)];
        var candidate = local;
        for (var i = 2; await userManager.FindByNameAsync(candidate) is not null; i++)
        {
            candidate = local + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private async Task AuditAsync(string action, string userId, CancellationToken cancellationToken)
    {
        db.Audit.Add(new PeopleAuditEntry { Action = action, UserId = userId, ByUserId = userId, AtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ExternalSignInOutcome Refuse(string message) => new(null, message);
}
