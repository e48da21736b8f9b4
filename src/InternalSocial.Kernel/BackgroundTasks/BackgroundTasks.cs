using System.Collections.Concurrent;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.BackgroundTasks;

/// <summary>
/// Work a module runs periodically in each tenant where its feature is on (timers of workflows, the mail outbox,
/// digests). Registered in the module's <c>ConfigureServices</c>; resolved in a fresh scope of the tenant for each run.
/// </summary>
/// <remarks>
/// Every node of a farm runs the tasks: a task claims its rows in the database (a status change with a condition),
/// so that two nodes never do the same item twice.
/// </remarks>
public interface IBackgroundTask
{
    /// <summary>The minimum time between two runs in one tenant.</summary>
    TimeSpan Interval { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Runs the running tenants' due background tasks, one tenant and one task after the other, on the host's clock
/// (a test moves a fake clock and calls <see cref="RunDueTasksAsync"/> to run them at once).
/// </summary>
public sealed class BackgroundTaskRunner(ShellHost shellHost, TimeProvider clock, IOptions<InternalSocialOptions> options, ILogger<BackgroundTaskRunner> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<(string Tenant, Type Task), DateTimeOffset> _lastRuns = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task RunDueTasksAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            foreach (var settings in shellHost.AllSettings.Where(s => s.State == TenantState.Running))
            {
                await RunTenantAsync(settings.Name, cancellationToken);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = options.Value.BackgroundTaskTick;
        if (tick <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(tick, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunDueTasksAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunTenantAsync(string tenant, CancellationToken cancellationToken)
    {
        ShellContext shell;
        try
        {
            shell = await shellHost.GetOrCreateShellAsync(tenant, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Tenant {Tenant} could not be started for its background tasks.", tenant);
            return;
        }

        // Counted like a request, so a shell being replaced is not disposed under the task.
        if (!shell.TryAcquire())
        {
            return;
        }

        try
        {
            var now = clock.GetUtcNow();
            var dueTasks = await shell.InScopeAsync(services => Task.FromResult(services.GetServices<IBackgroundTask>()
                // A clock set back (by an administrator, or a test) makes the task due rather than silent until it catches up.
                .Where(task => !_lastRuns.TryGetValue((tenant, task.GetType()), out var last) || now - last >= task.Interval || now < last)
                .Select(task => task.GetType())
                .ToList()));

            // Each task in a scope of its own: one task's failure or tracked entities do not touch the next.
            foreach (var taskType in dueTasks)
            {
                _lastRuns[(tenant, taskType)] = now;
                await shell.InScopeAsync(async services =>
                {
                    try
                    {
                        await services.GetServices<IBackgroundTask>().First(task => task.GetType() == taskType).RunAsync(cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        logger.LogError(exception, "Background task {Task} failed in tenant {Tenant}.", taskType.FullName, tenant);
                    }
                });
            }
        }
        finally
        {
            shell.EndRequest();
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }
}
