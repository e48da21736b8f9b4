using System.Text.Encodings.Web;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalSocial.Users.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer isp_…</c> personal access tokens. The principal a token stands for is kept in
/// <see cref="AccessTokenPrincipalCache"/> between requests; what time alone changes (the token's expiry, a lockout's
/// end, a guest's end) is checked on every request.
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IServiceProvider services,
    AccessTokenPrincipalCache cache,
    AccountStanding standing)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!AccessTokenService.IsWellFormed(secret))
        {
            return Invalid();
        }

        var hash = AccessTokenService.Hash(secret);
        if (!cache.TryGet(hash, out var cached))
        {
            var readStartedAt = cache.BeginRead();
            var owner = await services.GetRequiredService<AccessTokenService>().FindOwnerAsync(secret, Context.RequestAborted);
            if (owner is null)
            {
                return Invalid();
            }

            var user = owner.User;
            var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user);
            cached = new CachedPrincipal(user.Id, principal, owner.ExpiresUtc, user.LockoutEnd, user.IsActive, user.ErasedUtc, user.GuestExpiresUtc, user.EmailConfirmed);
            cache.Store(hash, cached, readStartedAt);
        }

        var now = TimeProvider.GetUtcNow();
        if ((cached.TokenExpiresUtc is { } expires && expires <= now.UtcDateTime)
            || (cached.LockoutEnd is { } end && end > now)
            || !standing.MaySignIn(new User { IsActive = cached.IsActive, ErasedUtc = cached.ErasedUtc, GuestExpiresUtc = cached.GuestExpiresUtc, EmailConfirmed = cached.EmailConfirmed }))
        {
            return Invalid();
        }

        return AuthenticateResult.Success(new AuthenticationTicket(cached.Principal.Clone(), SchemeName));
    }

    private static AuthenticateResult Invalid() => AuthenticateResult.Fail("The access token is invalid, expired or revoked.");

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
