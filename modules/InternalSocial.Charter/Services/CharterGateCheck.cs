using System.Security.Claims;
using InternalSocial.Charter.Models;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Charter.Services;

/// <summary>
/// Whether a signed-in person must accept their charter before anything else. Versions come from the shell's cache;
/// the person's acceptances and audience are read per request, so that no cache shared between people decides access.
/// </summary>
internal sealed class CharterGateCheck(CharterDbContext db, CharterVersions versions, IPeopleLookup people)
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

        // One query for every gated audience: an employee who accepted theirs is let through without asking who they are.
        var open = gates.Values.SelectMany(g => g.OpenVersionIds).ToList();
        var accepted = (await db.Acceptances.AsNoTracking().Where(a => a.UserId == userId && open.Contains(a.VersionId)).Select(a => a.VersionId).ToListAsync(cancellationToken)).ToHashSet();
        var satisfied = gates.Values.Where(g => g.OpenVersionIds.Any(accepted.Contains)).Select(g => g.Audience).ToHashSet(StringComparer.Ordinal);
        if (satisfied.Count == gates.Count)
        {
            return null;
        }

        var audience = await AudienceOfAsync(userId, cancellationToken);
        return gates.TryGetValue(audience, out var gate) && !satisfied.Contains(audience) ? gate : null;
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
