using InternalSocial.Kernel.Events;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Charter.Services;

/// <summary>
/// After a person is erased, their acceptances stay as proof that each version was accepted, at that time and in that
/// way, but no longer say by whom (docs/charter.md, "Data and erasure"); the versions they published lose their name.
/// </summary>
internal sealed class CharterErasureHandler(CharterDbContext db, CharterAcceptedCache acceptedCache, TimeProvider clock) : IEventHandler<PersonErased>
{
    public async Task HandleAsync(PersonErased domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Acceptances.Where(a => a.UserId == domainEvent.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, (string?)null).SetProperty(a => a.ErasedUtc, now), cancellationToken);
        acceptedCache.Forget(domainEvent.UserId);
        await db.Versions.Where(v => v.PublishedBy == domainEvent.UserId).ExecuteUpdateAsync(s => s.SetProperty(v => v.PublishedBy, ""), cancellationToken);
    }
}
