using InternalSocial.Charter.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Charter.Services;

/// <summary>Reads versions and their texts; no permission checks (callers make them).</summary>
internal sealed class CharterVersions(CharterDbContext db, CharterGateCache cache)
{
    /// <summary>The gated audiences (employees, guests) with their latest material version, from the shell's cache.</summary>
    public async Task<IReadOnlyDictionary<string, AudienceGate>> GatesAsync(CancellationToken cancellationToken)
    {
        if (cache.Value is { } cached)
        {
            return cached;
        }

        var readStartedAt = cache.BeginRead();
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.Audience != CharterAudiences.Editorial)
            .Select(v => new { v.Id, v.Audience, v.Number, v.Material, v.PublishedUtc })
            .ToListAsync(cancellationToken);
        var gates = new Dictionary<string, AudienceGate>(StringComparer.Ordinal);
        foreach (var audience in versions.GroupBy(v => v.Audience))
        {
            var material = audience.Where(v => v.Material).MaxBy(v => v.Number);
            if (material is not null)
            {
                gates[audience.Key] = new AudienceGate(audience.Key, material.Number, audience.Max(v => v.Number), [.. audience.Where(v => v.Number >= material.Number).OrderBy(v => v.Number).Select(v => v.Id)], material.PublishedUtc);
            }
        }

        cache.Store(gates, readStartedAt);
        return gates;
    }

    public Task<CharterVersion?> LatestAsync(string audience, CancellationToken cancellationToken) =>
        db.Versions.AsNoTracking().Where(v => v.Audience == audience).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);

    public Task<CharterVersion?> FindAsync(string audience, int number, CancellationToken cancellationToken) =>
        db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Audience == audience && v.Number == number, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> TextsAsync(long versionId, CancellationToken cancellationToken) =>
        await db.Texts.AsNoTracking().Where(t => t.VersionId == versionId).OrderBy(t => t.Language).ToDictionaryAsync(t => t.Language, t => t.Markdown, StringComparer.Ordinal, cancellationToken);

    public async Task<CharterVersionDetail> DetailAsync(CharterVersion version, CancellationToken cancellationToken) =>
        new(version.Number, version.Audience, version.Material, version.PublishedUtc, await TextsAsync(version.Id, cancellationToken));

    /// <summary>The ids of the versions of an audience from <paramref name="number"/> on: accepting any of them counts for it.</summary>
    public async Task<IReadOnlyList<long>> FromAsync(string audience, int number, CancellationToken cancellationToken) =>
        await db.Versions.AsNoTracking().Where(v => v.Audience == audience && v.Number >= number).Select(v => v.Id).ToListAsync(cancellationToken);

    /// <summary>Whether the person has accepted one of these versions.</summary>
    public Task<bool> AcceptedAnyAsync(string userId, IReadOnlyCollection<long> versionIds, CancellationToken cancellationToken) =>
        db.Acceptances.AsNoTracking().AnyAsync(a => a.UserId == userId && versionIds.Contains(a.VersionId), cancellationToken);
}
