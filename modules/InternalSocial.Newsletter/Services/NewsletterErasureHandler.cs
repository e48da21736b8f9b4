using InternalSocial.Kernel.Events;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Newsletter.Services;

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
