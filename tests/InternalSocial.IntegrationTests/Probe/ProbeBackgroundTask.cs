using System.Collections.Concurrent;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>Counts its runs per tenant, so tests see which tenants ran it and how often.</summary>
public sealed class ProbeBackgroundTask(ShellSettings shell) : IBackgroundTask
{
    public static ConcurrentDictionary<string, int> Runs { get; } = new();

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(shell.Name, 1, (_, runs) => runs + 1);
        return Task.CompletedTask;
    }
}

[ForFeature("InternalSocial.Probe.Dependent")]
public sealed class ProbeBackgroundTaskStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddScoped<IBackgroundTask, ProbeBackgroundTask>();
}
