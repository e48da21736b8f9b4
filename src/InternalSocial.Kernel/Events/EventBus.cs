using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Kernel.Events;

/// <summary>
/// Handles one kind of domain event raised by a module (a post published, a member joined…). Handlers live in
/// the modules that care; the module raising the event does not know them.
/// </summary>
public interface IEventHandler<in TEvent>
    where TEvent : notnull
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>Raises domain events to the handlers of the tenant's enabled features.</summary>
public interface IEventBus
{
    /// <summary>
    /// Calls every handler, in registration order, in the caller's scope. Raise events after the data they describe
    /// is saved: a handler that fails is logged and does not undo what the caller saved, nor stop the others.
    /// </summary>
    Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : notnull;
}

internal sealed class EventBus(IServiceProvider services, ILogger<EventBus> logger) : IEventBus
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : notnull
    {
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
        {
            try
            {
                await handler.HandleAsync(domainEvent, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Event handler {Handler} failed on {Event}.", handler.GetType().FullName, typeof(TEvent).Name);
            }
        }
    }
}
