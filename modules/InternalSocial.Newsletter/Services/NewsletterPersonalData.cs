using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Newsletter.Services;

/// <summary>The newsletter's share of a person's data export: the editions sent to them, whether they opened and clicked, and their opt-out.</summary>
internal sealed class NewsletterPersonalData(NewsletterDbContext db) : IPersonalDataContributor
{
    public const int MaxItems = 10_000;

    public string Name => "newsletter";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        var received = await db.Recipients.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Editions, r => r.EditionId, e => e.Id, (r, e) => new { EditionId = e.Id, e.Title, e.SentUtc, r.OpenedUtc, r.ClickedUtc })
            .OrderBy(r => r.EditionId).Take(MaxItems).ToListAsync(cancellationToken);
        var optedOut = await db.OptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => (DateTime?)o.OptedOutUtc).FirstOrDefaultAsync(cancellationToken);
        return received.Count == 0 && optedOut is null ? null : new { unsubscribedUtc = optedOut, editions = received };
    }
}
