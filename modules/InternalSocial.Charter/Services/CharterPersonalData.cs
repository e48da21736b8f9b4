using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Charter.Services;

/// <summary>The charter's share of a person's data export: which versions they accepted, when, how and in which language, and the versions they published.</summary>
internal sealed class CharterPersonalData(CharterDbContext db) : IPersonalDataContributor
{
    public string Name => "charter";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        var acceptances = await db.Acceptances.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Versions, a => a.VersionId, v => v.Id, (a, v) => new { a.Id, v.Audience, version = v.Number, a.Language, a.AcceptedUtc, a.Method })
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var published = await db.Versions.AsNoTracking().Where(v => v.PublishedBy == userId).OrderBy(v => v.Id)
            .Select(v => new { v.Audience, version = v.Number, v.Material, v.PublishedUtc }).ToListAsync(cancellationToken);
        return acceptances.Count + published.Count == 0
            ? null
            : new { acceptances = acceptances.Select(a => new { a.Audience, a.version, a.Language, a.AcceptedUtc, a.Method }), published };
    }
}
