using InternalSocial.Charter.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Charter.Services;

/// <summary>
/// The active people of an audience who have accepted none of some versions, in id order: the pending list, the
/// reminders and the notice of a new version. Walks everyone in batches, three queries a batch whatever its size.
/// </summary>
internal sealed class PendingPeople(CharterDbContext db, IPeopleLookup people, IPeopleCounts counts)
{
    private const int Batch = 500;

    /// <summary>Up to <paramref name="take"/> people after <paramref name="afterId"/>; the last one's id is the next cursor.</summary>
    public async Task<IReadOnlyList<PersonSummary>> PageAsync(string audience, IReadOnlyCollection<long> versionIds, string? afterId, int take, CancellationToken cancellationToken)
    {
        var found = new List<PersonSummary>();
        if (audience == CharterAudiences.Editorial)
        {
            return found;
        }

        var cursor = afterId;
        while (found.Count < take)
        {
            var ids = await people.GetUserIdsAfterAsync(cursor, Batch, cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var summaries = await people.GetByIdsAsync(ids, cancellationToken);
            var accepted = (await db.Acceptances.AsNoTracking()
                .Where(a => a.UserId != null && ids.Contains(a.UserId) && versionIds.Contains(a.VersionId))
                .Select(a => a.UserId!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (summaries.TryGetValue(id, out var person) && person.IsActive && person.IsGuest == (audience == CharterAudiences.Guests) && !accepted.Contains(id))
                {
                    found.Add(person);
                    if (found.Count == take)
                    {
                        break;
                    }
                }
            }

            cursor = ids[^1];
        }

        return found;
    }

    /// <summary>
    /// How many are pending, without walking everyone: the active people of the audience less those of them who accepted
    /// one of the versions. Two counts in the Users module and one query here.
    /// </summary>
    public async Task<int> CountAsync(string audience, IReadOnlyCollection<long> versionIds, CancellationToken cancellationToken)
    {
        if (audience == CharterAudiences.Editorial)
        {
            return 0;
        }

        var guests = audience == CharterAudiences.Guests;
        var accepted = await db.Acceptances.AsNoTracking()
            .Where(a => a.UserId != null && versionIds.Contains(a.VersionId))
            .Select(a => a.UserId!).Distinct().ToListAsync(cancellationToken);
        var everyone = await counts.CountActiveAsync(guests, null, cancellationToken);
        return accepted.Count == 0 ? everyone : everyone - await counts.CountActiveAsync(guests, accepted, cancellationToken);
    }

    /// <summary>Every pending person's id.</summary>
    public async Task<IReadOnlyList<string>> AllIdsAsync(string audience, IReadOnlyCollection<long> versionIds, CancellationToken cancellationToken)
    {
        var all = new List<string>();
        string? cursor = null;
        while (true)
        {
            var page = await PageAsync(audience, versionIds, cursor, Batch, cancellationToken);
            all.AddRange(page.Select(p => p.Id));
            if (page.Count < Batch)
            {
                return all;
            }

            cursor = page[^1].Id;
        }
    }
}
