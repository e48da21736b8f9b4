using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Accounts;

internal sealed record SessionSummary(string Id, DateTime CreatedUtc, DateTime LastSeenUtc, string? UserAgent, string? IpAddress, bool IsCurrent);

/// <summary>
/// Browser sessions: each sign-in cookie carries a session id (<see cref="ClaimType"/>) backed by a row of
/// <c>Users_Sessions</c>. Every request checks the row, so a revoked session is signed out at its next request.
/// </summary>
internal sealed class SessionService(UsersDbContext db, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    public const string ClaimType = "internalsocial:session";

    /// <summary>"Last seen" is written at most this often, not at every request.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(5);

    public static string? CurrentId(ClaimsPrincipal? principal) => principal?.FindFirstValue(ClaimType);

    public async Task<string> StartAsync(string userId, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var now = clock.GetUtcNow().UtcDateTime;
        var agent = http.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            CreatedUtc = now,
            LastSeenUtc = now,
            UserAgent = agent.Length == 0 ? null : agent[..Math.Min(agent.Length, 300)],
            IpAddress = Truncate(http.Connection.RemoteIpAddress),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>True when the session exists, belongs to the person and is not revoked; notes when it was last seen.</summary>
    public async Task<bool> CheckAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.UserId != userId || session.RevokedUtc is not null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - session.LastSeenUtc >= LastSeenPrecision)
        {
            session.LastSeenUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    public async Task<IReadOnlyList<SessionSummary>> ListAsync(string userId, string? currentId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId && s.RevokedUtc == null).ToListAsync(cancellationToken);
        return [.. sessions.OrderByDescending(s => s.LastSeenUtc).Select(s => new SessionSummary(s.Id, s.CreatedUtc, s.LastSeenUtc, s.UserAgent, s.IpAddress, s.Id == currentId))];
    }

    /// <exception cref="NotFoundException">Not one of the person's open sessions.</exception>
    public async Task RevokeAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedUtc == null, cancellationToken)
            ?? throw new NotFoundException(T["No open session '{0}'.", sessionId]);
        session.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Revokes every open session of the person but <paramref name="keepId"/>; returns how many.</summary>
    public async Task<int> RevokeOthersAsync(string userId, string? keepId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.Where(s => s.UserId == userId && s.RevokedUtc == null && s.Id != keepId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var session in sessions)
        {
            session.RevokedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sessions.Count;
    }

    /// <summary>Cookie event: a new sign-in gets a session; a renewed sign-in of the same person (password change) keeps its own.</summary>
    public static async Task OnSigningInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId
            || identity.HasClaim(c => c.Type == ClaimType))
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionService>();
        var ct = context.HttpContext.RequestAborted;
        var current = context.HttpContext.User;
        var id = current.FindUserId() == userId && CurrentId(current) is { } known && await sessions.CheckAsync(known, userId, ct)
            ? known
            : await sessions.StartAsync(userId, context.HttpContext, ct);
        identity.AddClaim(new Claim(ClaimType, id));
    }

    /// <summary>Cookie event: a revoked session is signed out; then the security stamp is checked as usual.</summary>
    public static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CurrentId(context.Principal) is { } sessionId && context.Principal!.FindUserId() is { } userId)
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionService>();
            if (!await sessions.CheckAsync(sessionId, userId, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Security-stamp refresh builds a new principal: it keeps the session id.</summary>
    public static Task KeepSessionOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CurrentId(context.CurrentPrincipal) is { } id && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimType))
        {
            identity.AddClaim(new Claim(ClaimType, id));
        }

        return Task.CompletedTask;
    }

    /// <summary>"Firefox, Windows" for the browsers and systems people know; other agents as they are, shortened.</summary>
    public static string? DescribeAgent(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        string? Find(params (string Token, string Name)[] known) =>
            known.FirstOrDefault(k => userAgent.Contains(k.Token, StringComparison.OrdinalIgnoreCase)).Name;

        // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", Android says "Linux", iOS "Mac OS X".
        var browser = Find(("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"));
        var system = Find(("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"));
        return browser is not null && system is not null
            ? $"{browser}, {system}"
            : userAgent.Length <= 80 ? userAgent : userAgent[..79] + "…";
    }

    /// <summary>IPv4 to its /24, IPv6 to its /48: the network, not the device.</summary>
    public static string? Truncate(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var keep = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        for (var i = keep; i < bytes.Length; i++)
        {
            bytes[i] = 0;
        }

        return new IPAddress(bytes).ToString();
    }
}

/// <summary>A person's export holds their browser sessions (<c>sessions.json</c>), open or signed out.</summary>
internal sealed class SessionsPersonalData(UsersDbContext db) : IPersonalDataContributor
{
    public string Name => "sessions";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        return sessions.Count == 0
            ? null
            : sessions.OrderBy(s => s.CreatedUtc).Select(s => new { s.CreatedUtc, s.LastSeenUtc, s.UserAgent, s.IpAddress, s.RevokedUtc }).ToList();
    }
}
