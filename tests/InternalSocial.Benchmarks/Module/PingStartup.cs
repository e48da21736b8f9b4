using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Benchmarks.Module;

/// <summary>The endpoint both hosts answer, so the two measurements differ only by what stands in front of it.</summary>
[ForFeature(BenchFeatures.Ping)]
public sealed class PingStartup : ModuleStartup
{
    public const string Path = "/bench/ping";

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => MapPing(endpoints);

    /// <summary>Shared with the bare host: the same delegate shape gets the same request delegate from minimal APIs.</summary>
    public static void MapPing(IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, () => "ok");
}
