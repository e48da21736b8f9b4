using System.Security.Claims;
using InternalSocial.Charter.Models;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Charter.Services;

/// <summary>
/// Whether a signed-in person must accept their charter before anything else. Versions come from the shell's cache,
/// the person's acceptances from <see cref="CharterAcceptedCache"/> (read once per person for the current gates), and
/// their audience, when it decides, from the people lookup.
/// </summary>
internal sealed class CharterGateCheck(CharterDbContext db, CharterVersions versions, CharterAcceptedCache acceptedCache, IPeopleLookup people)
{
    private string? _audienceOf;
    private string? _audience;

    /// <summary>The gate the person stands before, or null when they may go on (anonymous, nothing to accept, accepted).</summary>
    public async Task<AudienceGate?> GateAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindUserId() is not { } userId)
        {
            return null;
        }

        var gates = await versions.GatesAsync(cancellationToken);
        if (gates.Count == 0)
        {
            return null;
        }

        var satisfied = acceptedCache.Find(userId, gates) ?? await AcceptedAsync(userId, gates, cancellationToken);
        if (satisfied.Count == gates.Count)
        {
            return null;
        }

        var audience = await AudienceOfAsync(userId, cancellationToken);
        return gates.TryGetValue(audience, out var gate) && !satisfied.Contains(audience) ? gate : null;
    }

    /// <summary>
    /// The gated audiences the person accepted: one query for all of them, so that an employee who accepted theirs is
    /// let through without asking who they are. Remembered only when something was accepted: someone who has accepted
    /// nothing stays on the charter's own pages, which the gate does not ask about.
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
}
