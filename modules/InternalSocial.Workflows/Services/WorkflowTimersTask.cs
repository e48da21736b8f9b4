using InternalSocial.Kernel.BackgroundTasks;

namespace InternalSocial.Workflows.Services;

/// <summary>Fires the tenant's due workflow timers (delays, escalation deadlines) every minute.</summary>
internal sealed class WorkflowTimersTask(WorkflowEngine engine) : IBackgroundTask
{
    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public Task RunAsync(CancellationToken cancellationToken) => engine.RunDueTimersAsync(cancellationToken);
}
