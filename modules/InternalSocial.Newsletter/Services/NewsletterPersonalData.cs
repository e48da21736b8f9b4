using InternalSocial.Kernel.Events;
using InternalSocial.Users.Events;
using InternalSocial.Users.Services;
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

/// <summary>
/// After a person is erased: the editions' counts stay, but their recipient rows no longer name them (nor the editions
/// they composed), and their opt-out goes with them.
/// </summary>
internal sealed class NewsletterErasureHandler(NewsletterDbContext db) : IEventHandler<PersonErased>
{
    public async Task HandleAsync(PersonErased domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var userId = domainEvent.UserId;
        var writer = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (writer)
        {
            await db.Recipients.Where(r => r.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, r => "erased-" + r.Id), cancellationToken);
            await db.Editions.Where(e => e.CreatedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedBy, ""), cancellationToken);
            await db.Editions.Where(e => e.SentBy == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.SentBy, ""), cancellationToken);
            await db.OptOuts.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            if (writer is not null)
            {
                await writer.CommitAsync(cancellationToken);
            }
        }
    }
}
