using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Accounts;

internal sealed record InvitationSummary(string Id, string Email, DateTime CreatedUtc, DateTime ExpiresUtc, DateTime? AcceptedUtc);

/// <summary>What the invitation page finds behind a token.</summary>
internal enum InvitationState
{
    Valid,
    Unknown,
    Used,
    Expired,
}

/// <summary>
/// The registration policy (who may create an account), invitations and self-registration. Settings and invitations
/// need <see cref="Permissions.ManageUsers"/>; accepting an invitation or registering needs only the link or an
/// allowed address.
/// </summary>
internal sealed class RegistrationService(
    DocumentStore documents,
    UsersDbContext db,
    UserManager<User> userManager,
    IAuthorizationService authorization,
    AccountMails mails,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const string DocumentId = "Users.Registration";
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public async Task<RegistrationSettings> GetAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync<RegistrationSettings>(DocumentId, cancellationToken) ?? new RegistrationSettings();

    public async Task<RegistrationSettings> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageUsers);
        return await GetAsync(cancellationToken);
    }

    /// <exception cref="InvalidInputException">An unknown policy or a malformed domain, named.</exception>
    public async Task<RegistrationSettings> SaveAsync(ClaimsPrincipal user, string? policy, IEnumerable<string>? domains, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageUsers);
        var settings = Validate(policy, domains, T);
        await SaveTrustedAsync(settings, cancellationToken);
        return settings;
    }

    /// <summary>For recipes: no permission check (the recipe's runner was checked).</summary>
    public Task SaveTrustedAsync(RegistrationSettings settings, CancellationToken cancellationToken) =>
        documents.SaveAsync(DocumentId, settings, cancellationToken);

    /// <exception cref="InvalidInputException">The fields <c>policy</c> or <c>allowedDomains</c>.</exception>
    public static RegistrationSettings Validate(string? policy, IEnumerable<string>? domains, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(T);
        var errors = new Dictionary<string, string>();
        RegistrationPolicy parsed = RegistrationPolicy.AdminsOnly;
        if (policy is not null && (!Enum.TryParse(policy, ignoreCase: true, out parsed) || int.TryParse(policy, out _)))
        {
            errors["policy"] = T["The policy must be one of: {0}.", string.Join(", ", Enum.GetNames<RegistrationPolicy>())];
        }

        var list = new List<string>();
        foreach (var raw in domains ?? [])
        {
            var domain = raw.Trim().TrimStart('@').ToLowerInvariant();
            if (domain.Length == 0)
            {
                continue;
            }

            if (domain.Length > 253 || !domain.Contains('.', StringComparison.Ordinal) || !System.Net.Mail.MailAddress.TryCreate("x@" + domain, out var address) || address.Host != domain)
            {
                errors["allowedDomains"] = T["'{0}' is not an e-mail domain such as example.com.", raw];
            }
            else if (!list.Contains(domain, StringComparer.Ordinal))
            {
                list.Add(domain);
            }
        }

        if (parsed == RegistrationPolicy.SelfRegistrationByDomain && list.Count == 0 && !errors.ContainsKey("allowedDomains"))
        {
            errors["allowedDomains"] = T["Self-registration needs at least one allowed e-mail domain."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new RegistrationSettings { Policy = parsed, AllowedDomains = list };
    }

    /// <summary>Invitations are possible unless only administrators create accounts.</summary>
    public async Task<bool> InvitationsOpenAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).Policy != RegistrationPolicy.AdminsOnly;

    public async Task<bool> SelfRegistrationOpenAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).Policy == RegistrationPolicy.SelfRegistrationByDomain;

    public static bool IsAllowedDomain(RegistrationSettings settings, string email)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var at = email.LastIndexOf('@');
        return at > 0 && settings.AllowedDomains.Contains(email[(at + 1)..].Trim().ToLowerInvariant(), StringComparer.Ordinal);
    }

    /// <summary>Invites a person by e-mail: an invitation valid for <see cref="InvitationLifetime"/>, mailed to them.</summary>
    /// <exception cref="NotFoundException">The policy allows no invitation.</exception>
    /// <exception cref="InvalidInputException">A malformed address (<c>email</c>), or no e-mail to send with.</exception>
    /// <exception cref="ConflictException">An account already uses the address.</exception>
    public async Task<InvitationSummary> InviteAsync(ClaimsPrincipal user, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageUsers);
        if (!await InvitationsOpenAsync(cancellationToken))
        {
            throw new ConflictException(T["policy: invitations are off; the registration policy lets only administrators create accounts."]);
        }

        if (string.IsNullOrWhiteSpace(email) || email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim())
        {
            throw new InvalidInputException("email", T["A valid e-mail address is required."]);
        }

        if (!mails.IsAvailable)
        {
            throw new InvalidInputException("email", T["Invitations are sent by e-mail: turn on the E-mail feature first."]);
        }

        email = email.Trim();
        var normalized = userManager.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            throw new ConflictException(T["email: the e-mail '{0}' is already used by another account.", email]);
        }

        var token = NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            Id = Guid.NewGuid().ToString("N"),
            Email = email,
            NormalizedEmail = normalized,
            TokenHash = Hash(token),
            InvitedById = user.FindUserId()!,
            CreatedUtc = now,
            ExpiresUtc = now + InvitationLifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var inviter = (await userManager.GetUserAsync(user))?.DisplayName ?? user.Identity?.Name ?? "";
        await mails.SendInvitationAsync(email, inviter, token, cancellationToken);
        return Summary(invitation);
    }

    public async Task<IReadOnlyList<InvitationSummary>> ListInvitationsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageUsers);
        var invitations = await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedUtc).Take(100).ToListAsync(cancellationToken);
        return [.. invitations.Select(Summary)];
    }

    public async Task<(InvitationState State, Invitation? Invitation)> FindInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return (InvitationState.Unknown, null);
        }

        var hash = Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation switch
        {
            null => (InvitationState.Unknown, null),
            { AcceptedUtc: not null } => (InvitationState.Used, invitation),
            _ when invitation.ExpiresUtc <= clock.GetUtcNow().UtcDateTime => (InvitationState.Expired, invitation),
            _ => (InvitationState.Valid, invitation),
        };
    }

    /// <summary>Creates the invited person's account (address confirmed by the link) and marks the invitation used.</summary>
    /// <exception cref="InvalidInputException">A bad name or password, named.</exception>
    /// <exception cref="ConflictException">An account was created meanwhile with the address.</exception>
    public async Task<User> AcceptAsync(Invitation invitation, string? displayName, string? password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var user = await CreateAccountAsync(invitation.Email, displayName, password, emailConfirmed: true, cancellationToken);
        invitation.AcceptedUtc = clock.GetUtcNow().UtcDateTime;
        invitation.AcceptedUserId = user.Id;
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>An employee account; its user name comes from the address (made unique).</summary>
    internal async Task<User> CreateAccountAsync(string email, string? displayName, string? password, bool emailConfirmed, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors["displayName"] = T["Your name is required."];
        }
        else if (displayName.Trim().Length > 200)
        {
            errors["displayName"] = T["The display name must be at most 200 characters."];
        }

        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = T["The password is required."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        if (await userManager.FindByEmailAsync(email) is not null)
        {
            throw new ConflictException(T["email: the e-mail '{0}' is already used by another account.", email]);
        }

        var user = new User
        {
            UserName = await UniqueUserNameAsync(email, cancellationToken),
            Email = email,
            EmailConfirmed = emailConfirmed,
            DisplayName = displayName!.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await userManager.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            throw new InvalidInputException(created.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Description))));
        }

        await userManager.AddToRoleAsync(user, BuiltInRoles.Employee);
        await events.PublishAsync(new PeoplePlaced([user.Id]), cancellationToken);
        return user;
    }

    private async Task<string> UniqueUserNameAsync(string email, CancellationToken cancellationToken)
    {
        var allowed = userManager.Options.User.AllowedUserNameCharacters;
        var local = new string([.. email[..Math.Max(0, email.IndexOf('@', StringComparison.Ordinal))].ToLowerInvariant().Where(c => allowed.Contains(c, StringComparison.Ordinal) && c != '@')]);
        if (local.Length == 0)
        {
            local = "user";
        }

        local = local[..Math.Min(local.Length, 60)];
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? local : $"{local}{n}";
            var normalized = userManager.NormalizeName(candidate);
            if (!await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
            {
                return candidate;
            }
        }
    }

    private static InvitationSummary Summary(Invitation i) => new(i.Id, i.Email, i.CreatedUtc, i.ExpiresUtc, i.AcceptedUtc);

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
