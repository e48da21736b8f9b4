using InternalSocial.Kernel.Events;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using InternalSocial.Workflows.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.WorkflowsBridge;

/// <summary>Turns <see cref="PollClosed"/> into the workflow event, correlated by the poll ("poll:42").</summary>
internal sealed class PollClosedTrigger(IWorkflowEngine engine, PollsDbContext db) : IEventHandler<PollClosed>
{
    public async Task HandleAsync(PollClosed domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var closed = domainEvent;
        // A quiz keeps no participant count on its row (attempts are its own table): those who made one are counted
        // here, so a quiz closed by hand or by its deadline brings the same fact.
        if (await db.Polls.AnyAsync(p => p.Id == closed.PollId && p.Kind == PollKinds.Quiz, cancellationToken))
        {
            var takers = await db.QuizAttempts.Where(a => a.PollId == closed.PollId).Select(a => a.UserId).Distinct().CountAsync(cancellationToken);
            closed = closed with { ParticipantCount = takers };
        }

        await engine.TriggerAsync(PollClosedFacts.EventName, $"poll:{closed.PollId}", PollClosedFacts.Build(closed), cancellationToken);
    }
}
