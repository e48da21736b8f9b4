using InternalSocial.Kernel.Events;
using InternalSocial.Polls.Events;
using InternalSocial.Workflows.Abstractions;

namespace InternalSocial.Polls.WorkflowsBridge;

/// <summary>Turns <see cref="PollClosed"/> into the workflow event, correlated by the poll ("poll:42").</summary>
internal sealed class PollClosedTrigger(IWorkflowEngine engine) : IEventHandler<PollClosed>
{
    public Task HandleAsync(PollClosed domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return engine.TriggerAsync(PollClosedFacts.EventName, $"poll:{domainEvent.PollId}", PollClosedFacts.Build(domainEvent), cancellationToken);
    }
}
