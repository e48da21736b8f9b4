using InternalSocial.Charter.Events;
using InternalSocial.Kernel.Events;
using InternalSocial.Workflows.Abstractions;

namespace InternalSocial.Charter.WorkflowsEvents;

/// <summary>Turns <see cref="CharterAccepted"/> into the workflow event, correlated by the person ("user:abc").</summary>
internal sealed class CharterAcceptedTrigger(IWorkflowEngine engine) : IEventHandler<CharterAccepted>
{
    public Task HandleAsync(CharterAccepted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return engine.TriggerAsync(CharterAcceptedFacts.EventName, $"user:{domainEvent.UserId}", CharterAcceptedFacts.Build(domainEvent), cancellationToken);
    }
}
