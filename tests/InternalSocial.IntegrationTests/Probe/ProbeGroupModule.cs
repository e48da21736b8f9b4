using InternalSocial.Groups.Endpoints;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>A per-group module as polls or documents will be: a registry entry, a tab, and a group route guarded by the module switch.</summary>
public sealed class ProbeGroupModuleProvider : IGroupModuleProvider
{
    public const string Key = "probe";

    public IEnumerable<GroupModuleDescriptor> GetModules() =>
        [new GroupModuleDescriptor(Key, "Probe tab", "InternalSocial.Probe.Groups", "~/groups/{id}/probe", Order: 900)];
}

[ForFeature("InternalSocial.Probe.Groups")]
public sealed class ProbeGroupsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IGroupModuleProvider, ProbeGroupModuleProvider>();

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/groups/{id}/probe", (string id) => TypedResults.Text($"probe page of group {id}"))
            .RequireAuthorization()
            .RequireGroupModule(ProbeGroupModuleProvider.Key);
}
