using System.Security.Claims;
using InternalSocial.Charter.Models;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Charter.Services;

/// <summary>
/// Whether a signed-in person must accept their charter before anything else. Versions and settings come from the
/// shell's caches, the person's acceptances from <see cref="CharterAcceptedCache"/> (read once per person for the
/// current gates; it holds only acceptances, so it can keep someone waiting, never let someone in), and their
/// audience, when it decides, from the people lookup.
/// </summary>
internal sealed class CharterGateCheck(CharterDbContext db, CharterVersions versions, CharterAcceptedCache acceptedCache, CharterSettingsService settings, IPeopleLookup people, TimeProvider clock)
{
    private string? _audienceOf;
    private string? _audience;
    private string? _standingOf;
    private CharterStanding? _standing;

    /// <summary>The gate the person stands before, or null when they may go on (anonymous, nothing to accept, accepted, grace).</summary>
    public async Task<AudienceGate?> GateAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await StandingAsync(user, cancellationToken) is { GraceUntil: null } standing ? standing.Gate : null;

    /// <summary>What the person has yet to accept, closed or in its grace period; null when nothing. Read once per request.</summary>
    public async Task<CharterStanding?> StandingAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindUserId() is not { } userId)
        {
            return null;
        }

        if (_standingOf != userId)
        {
            _standing = await ReadStandingAsync(userId, cancellationToken);
            _standingOf = userId;
        }

        return _standing;
    }

    /// <summary>An acceptance changes the standing read earlier in this request.</summary>
    public void Forget() => _standingOf = null;

    /// <summary>Guests read the guests' charter, everyone else the employees'. Read once per request.</summary>
    public async Task<string> AudienceOfAsync(string userId, CancellationToken cancellationToken)
    {
        if (_audienceOf != userId || _audience is null)
        {
            var found = await people.GetByIdsAsync([userId], cancellationToken);
            _audience = found.TryGetValue(userId, out var person) && person.IsGuest ? CharterAudiences.Guests : CharterAudiences.Employees;
            _audienceOf = userId;
        }

        return _audience;
    }

    private async Task<CharterStanding?> ReadStandingAsync(string userId, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        var all = await versions.GatesAsync(cancellationToken);
        var gates = all.Values.Where(g => current.Gates(g.Audience)).ToList();
        if (gates.Count == 0)
        {
            return null;
        }

        var satisfied = acceptedCache.Find(userId, all) ?? await AcceptedAsync(userId, all, cancellationToken);
        if (gates.TrueForAll(g => satisfied.Contains(g.Audience)))
        {
            return null;
        }

        var audience = await AudienceOfAsync(userId, cancellationToken);
        if (gates.Find(g => g.Audience == audience) is not { } gate || satisfied.Contains(audience))
        {
            return null;
        }

        // The grace period is for those who accepted an earlier version: someone who never accepted any charter (a
        // newcomer, a first version) has nothing that lets them in meanwhile.
        var until = gate.MaterialPublishedUtc.AddDays(current.GraceDays);
        var inGrace = current.GraceDays > 0 && clock.GetUtcNow().UtcDateTime < until
            && await db.Acceptances.AsNoTracking().AnyAsync(a => a.UserId == userId && db.Versions.Any(v => v.Id == a.VersionId && v.Audience == audience), cancellationToken);
        return new CharterStanding(gate, inGrace ? DateTime.SpecifyKind(until, DateTimeKind.Utc) : null);
    }

    /// <summary>
    /// The audiences whose charter the person accepted: one query for all of them, so that an employee who accepted
    /// theirs is let through without asking who they are. Remembered only when something was accepted: someone who has
    /// accepted nothing stays on the charter's own pages, which the gate does not ask about.
    /// </summary>
    private async Task<IReadOnlySet<string>> AcceptedAsync(string userId, IReadOnlyDictionary<string, AudienceGate> gates, CancellationToken cancellationToken)
    {
        var open = gates.Values.SelectMany(g => g.OpenVersionIds).ToList();
        var accepted = (await db.Acceptances.AsNoTracking().Where(a => a.UserId == userId && open.Contains(a.VersionId)).Select(a => a.VersionId).ToListAsync(cancellationToken)).ToHashSet();
        var satisfied = gates.Values.Where(g => g.OpenVersionIds.Any(accepted.Contains)).Select(g => g.Audience).ToHashSet(StringComparer.Ordinal);
        if (satisfied.Count > 0)
        {
            acceptedCache.Remember(userId, gates, satisfied);
        }

        return satisfied;
    }
}
