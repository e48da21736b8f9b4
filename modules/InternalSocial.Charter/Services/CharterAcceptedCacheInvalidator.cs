using InternalSocial.Charter.Events;
using InternalSocial.Kernel.Events;

namespace InternalSocial.Charter.Services;

/// <summary>
/// Forgets what the gate remembered of a person who just accepted: one who accepted the employees' charter and then
/// the guests' one would otherwise be held back by the first answer until the gates' minute runs out.
/// </summary>
internal sealed class CharterAcceptedCacheInvalidator(CharterAcceptedCache cache) : IEventHandler<CharterAccepted>
{
    public Task HandleAsync(CharterAccepted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        cache.Forget(domainEvent.UserId);
        return Task.CompletedTask;
    }
}
