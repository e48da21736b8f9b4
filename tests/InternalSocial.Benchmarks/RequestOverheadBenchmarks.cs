using BenchmarkDotNet.Attributes;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Benchmarks.Module;

namespace InternalSocial.Benchmarks;

/// <summary>
/// One GET /bench/ping answered "ok", by a bare ASP.NET Core app and by the Default tenant of the real host. Each
/// case starts only its own app: BenchmarkDotNet runs each case in its own process, and an idle second app would
/// still enlarge the heap the measured one collects.
/// </summary>
[MemoryDiagnoser]
public class RequestOverheadBenchmarks
{
    private RunningApp? _app;

    [Params(Transport.Kestrel, Transport.InMemory)]
    public Transport Transport { get; set; }

    [GlobalSetup(Target = nameof(Bare))]
    public async Task StartBareAsync() => _app = await BareHost.StartMinimalAsync(Transport);

    [GlobalSetup(Target = nameof(BareWithTenantMiddleware))]
    public async Task StartBareWithTenantMiddlewareAsync() => _app = await BareHost.StartWithTenantMiddlewareAsync(Transport);

    [GlobalSetup(Target = nameof(Tenant))]
    public async Task StartTenantAsync() => _app = await InternalSocialHost.StartAsync(Transport);

    [GlobalCleanup]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary><c>app.MapGet("/bench/ping", () =&gt; "ok")</c> in a plain WebApplication.</summary>
    [Benchmark(Baseline = true)]
    public Task<string> Bare() => _app!.Client.GetStringAsync(PingStartup.Path);

    /// <summary>The tenant shell's middleware, in a plain WebApplication without tenants.</summary>
    [Benchmark]
    public Task<string> BareWithTenantMiddleware() => _app!.Client.GetStringAsync(PingStartup.Path);

    /// <summary>The real host: health-check middleware, tenant match, shell acquire, request scope, shell pipeline.</summary>
    [Benchmark]
    public Task<string> Tenant() => _app!.Client.GetStringAsync(PingStartup.Path);
}
