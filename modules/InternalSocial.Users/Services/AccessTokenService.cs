using System.Security.Cryptography;
using InternalSocial.Kernel;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

internal sealed record CreatedAccessToken(string Id, string Name, string Token, DateTime CreatedUtc, DateTime? ExpiresUtc);

internal sealed record AccessTokenSummary(string Id, string Name, DateTime CreatedUtc, DateTime? ExpiresUtc);

/// <summary>A valid token's user, and when the token expires (null: never).</summary>
internal sealed record TokenOwner(User User, DateTime? ExpiresUtc);

/// <summary>Personal access tokens: shown once at creation, stored only as a hash, revocable.</summary>
internal sealed class AccessTokenService(UsersDbContext db, UserManager<User> userManager, SignInManager<User> signInManager, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    private const string Prefix = "isp_";

    /// <summary>Checks the credentials (counting failures toward lockout) and issues a token.</summary>
    /// <exception cref="InvalidInputException">Missing or malformed fields.</exception>
    /// <exception cref="InvalidCredentialsException">Wrong user name or password, or a locked-out account.</exception>
    /// <param name="code">With two-factor sign-in on: the authenticator app's code, or a recovery code.</param>
    public async Task<CreatedAccessToken> CreateAsync(string? userName, string? password, string? name, int? expiresInDays, string? code, CancellationToken cancellationToken)
    {
        ValidateCreateRequest(userName, password, name, expiresInDays);
        var user = await CheckPasswordAsync(userName!, password!);
        await CheckSecondFactorAsync(user, code);
        return await IssueAsync(user.Id, name!, expiresInDays, cancellationToken);
    }

    private void ValidateCreateRequest(string? userName, string? password, string? name, int? expiresInDays)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(userName))
        {
            errors["userName"] = T["The user name is required."];
        }

        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = T["The password is required."];
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = T["A name for the token is required, such as the script that will use it."];
        }
        else if (name.Length > 100)
        {
            errors["name"] = T["The name must be at most {0} characters.", 100];
        }

        if (expiresInDays is < 1 or > 3650)
        {
            errors["expiresInDays"] = T["The lifetime must be between {0} and {1} days.", 1, 3650];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }

    /// <summary>Counts failures toward lockout.</summary>
    private async Task<User> CheckPasswordAsync(string userName, string password)
    {
        var user = await userManager.FindByNameAsync(userName) ?? await userManager.FindByEmailAsync(userName);
        if (user is null)
        {
            throw new InvalidCredentialsException(lockedOut: false, T["The user name or password is wrong."]);
        }

        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            throw new InvalidCredentialsException(check.IsLockedOut, check.IsLockedOut
                ? T["This account is locked after too many failed attempts; try again later."]
                : T["The user name or password is wrong."]);
        }

        return user;
    }

    /// <summary>The password alone does not get past two-factor sign-in, in the API either.</summary>
    private async Task CheckSecondFactorAsync(User user, string? code)
    {
        if (!user.TwoFactorEnabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            throw new InvalidCredentialsException(lockedOut: false, T["code: this account uses two-factor sign-in; send the code of the authenticator app (or a recovery code)."]);
        }

        var digits = code.Replace(" ", "", StringComparison.Ordinal);
        var valid = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, digits)
            : (await userManager.RedeemTwoFactorRecoveryCodeAsync(user, code.Trim())).Succeeded;
        if (!valid)
        {
            await userManager.AccessFailedAsync(user);
            throw new InvalidCredentialsException(await userManager.IsLockedOutAsync(user), T["code: this code is wrong or expired."]);
        }
    }

    /// <summary>A token for the signed-in user (the account page): no password needed, the session proves who it is.</summary>
    public async Task<CreatedAccessToken> CreateForUserAsync(string userId, string? name, int? expiresInDays, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = T["A name for the token is required, such as the script that will use it."];
        }
        else if (name.Length > 100)
        {
            errors["name"] = T["The name must be at most {0} characters.", 100];
        }

        if (expiresInDays is < 1 or > 3650)
        {
            errors["expiresInDays"] = T["The lifetime must be between {0} and {1} days.", 1, 3650];
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : await IssueAsync(userId, name!, expiresInDays, cancellationToken);
    }

    private async Task<CreatedAccessToken> IssueAsync(string userId, string name, int? expiresInDays, CancellationToken cancellationToken)
    {
        var secret = Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new AccessToken
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = userId,
            Name = name.Trim(),
            TokenHash = Hash(secret),
            CreatedUtc = now,
            ExpiresUtc = expiresInDays is null ? null : now.AddDays(expiresInDays.Value),
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(token.Id, token.Name, secret, token.CreatedUtc, token.ExpiresUtc);
    }

    /// <summary>The user a valid, unexpired, unrevoked token belongs to; null otherwise.</summary>
    public async Task<User?> FindUserAsync(string secret, CancellationToken cancellationToken) =>
        (await FindOwnerAsync(secret, cancellationToken))?.User;

    /// <summary>The user a valid, unexpired, unrevoked token belongs to, with the token's expiry; null otherwise.</summary>
    public async Task<TokenOwner?> FindOwnerAsync(string secret, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(secret))
        {
            return null;
        }

        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.AccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedUtc == null && (t.ExpiresUtc == null || t.ExpiresUtc > now))
            .Select(t => new { t.UserId, t.ExpiresUtc })
            .FirstOrDefaultAsync(cancellationToken);
        var user = token is null ? null : await userManager.FindByIdAsync(token.UserId);
        return user is null ? null : new TokenOwner(user, token!.ExpiresUtc);
    }

    /// <summary>Whether the text has the shape of one of our tokens (checked before any lookup).</summary>
    public static bool IsWellFormed(string secret) => secret is not null && secret.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<AccessTokenSummary>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.AccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedUtc == null)
            .OrderByDescending(t => t.CreatedUtc)
            .Select(t => new AccessTokenSummary(t.Id, t.Name, t.CreatedUtc, t.ExpiresUtc))
            .ToListAsync(cancellationToken);

    public async Task RevokeAsync(string userId, string tokenId, CancellationToken cancellationToken)
    {
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedUtc == null, cancellationToken)
            ?? throw new NotFoundException(T["You have no active token with id '{0}'.", tokenId]);
        token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How a token is stored (and keyed in the principal cache): SHA-256, hexadecimal.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}

/// <summary>Wrong credentials or a locked-out account; the message is in the request's language.</summary>
internal sealed class InvalidCredentialsException(bool lockedOut, string message) : Exception(message)
{
    public bool LockedOut { get; } = lockedOut;
}
