using BenchmarkDotNet.Attributes;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Benchmarks.Module;

namespace InternalSocial.Benchmarks;

/// <summary>
/// What a feature change costs the Default tenant while its 15 bench features, Bench.Ping and the minimal
/// recipe's features are on. Every operation changes the tenant, so each iteration is one operation and an
/// iteration setup puts the tenant back in the state the operation starts from, with its shell warmed by a request.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class ShellRebuildBenchmarks
{
    private static readonly string[] Toggled = [BenchFeatures.Toggled];
    private InternalSocialHost _host = null!;

    [GlobalSetup]
    public async Task StartAsync() => _host = await InternalSocialHost.StartAsync(Transport.Kestrel);

    [GlobalCleanup]
    public async Task StopAsync() => await _host.DisposeAsync();

    [IterationSetup(Targets = [nameof(DisableFeature), nameof(DisableFeatureThenFirstRequest)])]
    public void TurnToggledOn() => Wait(async () =>
    {
        await _host.Features.EnableAsync(InternalSocialHost.Tenant, Toggled, CancellationToken.None);
        await _host.WarmAsync();
    });

    [IterationSetup(Targets = [nameof(EnableFeature), nameof(EnableFeatureThenFirstRequest)])]
    public void TurnToggledOff() => Wait(async () =>
    {
        await _host.Features.DisableAsync(InternalSocialHost.Tenant, Toggled, CancellationToken.None);
        await _host.WarmAsync();
    });

    [IterationSetup(Targets = [nameof(ReloadShell), nameof(ReloadShellThenFirstRequest)])]
    public void WarmCurrentShell() => Wait(_host.WarmAsync);

    [IterationSetup(Target = nameof(FirstRequestAfterReload))]
    public void ReloadWithoutWarming() => Wait(ReloadShell);

    /// <summary>FeatureManager.DisableAsync: descriptor read and write, events, shell rebuild.</summary>
    [Benchmark]
    public Task DisableFeature() => _host.Features.DisableAsync(InternalSocialHost.Tenant, Toggled, CancellationToken.None);

    /// <summary>FeatureManager.EnableAsync: as disabling, plus the kernel's and the module's migrations.</summary>
    [Benchmark]
    public Task EnableFeature() => _host.Features.EnableAsync(InternalSocialHost.Tenant, Toggled, CancellationToken.None);

    /// <summary>ShellHost.ReloadShellAsync inside ChangeTenantAsync: only the rebuild (descriptor read, container, pipeline).</summary>
    [Benchmark]
    public Task ReloadShell() => _host.Shells.ChangeTenantAsync(
        InternalSocialHost.Tenant,
        () => _host.Shells.ReloadShellAsync(InternalSocialHost.Tenant, CancellationToken.None),
        CancellationToken.None);

    /// <summary>The first request a rebuilt shell answers: endpoint creation, MVC action discovery, route matcher.</summary>
    [Benchmark]
    public Task FirstRequestAfterReload() => _host.WarmAsync();

    /// <summary>Until the tenant answers again after a disable: what an administrator waits for.</summary>
    [Benchmark]
    public async Task DisableFeatureThenFirstRequest()
    {
        await DisableFeature();
        await _host.WarmAsync();
    }

    [Benchmark]
    public async Task EnableFeatureThenFirstRequest()
    {
        await EnableFeature();
        await _host.WarmAsync();
    }

    [Benchmark]
    public async Task ReloadShellThenFirstRequest()
    {
        await ReloadShell();
        await _host.WarmAsync();
    }

    // BenchmarkDotNet runs iteration setups synchronously; there is no synchronization context to deadlock on.
    private static void Wait(Func<Task> work) => work().GetAwaiter().GetResult();
}
