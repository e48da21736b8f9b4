using System.Globalization;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternalSocial.Benchmarks.Module;

/// <summary>
/// What a small real module adds to a shell: a singleton, a scoped and a transient service, an options class and
/// an endpoint that uses them. Each feature closes the generics over its own startup type, so fifteen features
/// register fifteen sets of distinct service types, as fifteen modules would. Each maps its endpoint in its own
/// class with closed types, as a real module's code would, so that the Request Delegate Generator can handle it
/// when it is switched on (it skips handlers with open generic parameters).
/// </summary>
public abstract class NumberedFeatureStartup<TSelf> : ModuleStartup
    where TSelf : NumberedFeatureStartup<TSelf>
{
    protected abstract int Number { get; }

    public override void ConfigureServices(IServiceCollection services)
    {
        var number = Number;
        services.AddSingleton<FeatureCounter<TSelf>>();
        services.AddScoped<FeatureWorker<TSelf>>();
        services.AddTransient<FeatureFormatter<TSelf>>();
        services.Configure<FeatureOptions<TSelf>>(options => options.Label = $"Bench.F{number:00}");
    }
}

public sealed class FeatureOptions<TFeature>
{
    public string Label { get; set; } = "";
}

public sealed class FeatureCounter<TFeature>
{
    private long _count;

    public long Next() => Interlocked.Increment(ref _count);
}

public sealed class FeatureFormatter<TFeature>(IOptions<FeatureOptions<TFeature>> options)
{
    public string Format(long count) => options.Value.Label + " #" + count.ToString(CultureInfo.InvariantCulture);
}

public sealed class FeatureWorker<TFeature>(FeatureCounter<TFeature> counter, FeatureFormatter<TFeature> formatter)
{
    public string Describe() => formatter.Format(counter.Next());
}

[ForFeature("Bench.F01")]
public sealed class Feature01Startup : NumberedFeatureStartup<Feature01Startup>
{
    protected override int Number => 1;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f01", (FeatureWorker<Feature01Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F02")]
public sealed class Feature02Startup : NumberedFeatureStartup<Feature02Startup>
{
    protected override int Number => 2;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f02", (FeatureWorker<Feature02Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F03")]
public sealed class Feature03Startup : NumberedFeatureStartup<Feature03Startup>
{
    protected override int Number => 3;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f03", (FeatureWorker<Feature03Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F04")]
public sealed class Feature04Startup : NumberedFeatureStartup<Feature04Startup>
{
    protected override int Number => 4;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f04", (FeatureWorker<Feature04Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F05")]
public sealed class Feature05Startup : NumberedFeatureStartup<Feature05Startup>
{
    protected override int Number => 5;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f05", (FeatureWorker<Feature05Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F06")]
public sealed class Feature06Startup : NumberedFeatureStartup<Feature06Startup>
{
    protected override int Number => 6;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f06", (FeatureWorker<Feature06Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F07")]
public sealed class Feature07Startup : NumberedFeatureStartup<Feature07Startup>
{
    protected override int Number => 7;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f07", (FeatureWorker<Feature07Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F08")]
public sealed class Feature08Startup : NumberedFeatureStartup<Feature08Startup>
{
    protected override int Number => 8;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f08", (FeatureWorker<Feature08Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F09")]
public sealed class Feature09Startup : NumberedFeatureStartup<Feature09Startup>
{
    protected override int Number => 9;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f09", (FeatureWorker<Feature09Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F10")]
public sealed class Feature10Startup : NumberedFeatureStartup<Feature10Startup>
{
    protected override int Number => 10;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f10", (FeatureWorker<Feature10Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F11")]
public sealed class Feature11Startup : NumberedFeatureStartup<Feature11Startup>
{
    protected override int Number => 11;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f11", (FeatureWorker<Feature11Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F12")]
public sealed class Feature12Startup : NumberedFeatureStartup<Feature12Startup>
{
    protected override int Number => 12;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f12", (FeatureWorker<Feature12Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F13")]
public sealed class Feature13Startup : NumberedFeatureStartup<Feature13Startup>
{
    protected override int Number => 13;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f13", (FeatureWorker<Feature13Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F14")]
public sealed class Feature14Startup : NumberedFeatureStartup<Feature14Startup>
{
    protected override int Number => 14;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f14", (FeatureWorker<Feature14Startup> worker) => worker.Describe());
}

[ForFeature("Bench.F15")]
public sealed class Feature15Startup : NumberedFeatureStartup<Feature15Startup>
{
    protected override int Number => 15;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bench/f15", (FeatureWorker<Feature15Startup> worker) => worker.Describe());
}
