using System.Collections.Concurrent;
using InternalSocial.Groups.Abstractions;
using InternalSocial.Groups.Abstractions.Events;
using InternalSocial.Groups.Endpoints;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Events;
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

/// <summary>Records the Groups module's events, as another module's handlers would receive them.</summary>
public sealed class ProbeGroupEvents(InternalSocial.Kernel.Shells.ShellSettings shell)
    : IEventHandler<MemberJoined>, IEventHandler<MemberLeft>, IEventHandler<MemberRemoved>, IEventHandler<JoinRequested>, IEventHandler<MemberInvited>, IEventHandler<GroupArchived>
{
    public static ConcurrentQueue<(string Tenant, object Event)> Seen { get; } = new();

    public Task HandleAsync(MemberJoined domainEvent, CancellationToken cancellationToken) => Record(domainEvent);

    public Task HandleAsync(MemberLeft domainEvent, CancellationToken cancellationToken) => Record(domainEvent);

    public Task HandleAsync(MemberRemoved domainEvent, CancellationToken cancellationToken) => Record(domainEvent);

    public Task HandleAsync(JoinRequested domainEvent, CancellationToken cancellationToken) => Record(domainEvent);

    public Task HandleAsync(MemberInvited domainEvent, CancellationToken cancellationToken) => Record(domainEvent);

    public Task HandleAsync(GroupArchived domainEvent, CancellationToken cancellationToken) => Record(domainEvent);

    private Task Record(object domainEvent)
    {
        Seen.Enqueue((shell.Name, domainEvent));
        return Task.CompletedTask;
    }
}

[ForFeature("InternalSocial.Probe.Groups")]
public sealed class ProbeGroupsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IGroupModuleProvider, ProbeGroupModuleProvider>();
        services.AddScoped<ProbeGroupEvents>();
        services.AddScoped<IEventHandler<MemberJoined>>(sp => sp.GetRequiredService<ProbeGroupEvents>());
        services.AddScoped<IEventHandler<MemberLeft>>(sp => sp.GetRequiredService<ProbeGroupEvents>());
        services.AddScoped<IEventHandler<MemberRemoved>>(sp => sp.GetRequiredService<ProbeGroupEvents>());
        services.AddScoped<IEventHandler<JoinRequested>>(sp => sp.GetRequiredService<ProbeGroupEvents>());
        services.AddScoped<IEventHandler<MemberInvited>>(sp => sp.GetRequiredService<ProbeGroupEvents>());
        services.AddScoped<IEventHandler<GroupArchived>>(sp => sp.GetRequiredService<ProbeGroupEvents>());
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/groups/{id}/probe", (string id) => TypedResults.Text($"probe page of group {id}"))
            .RequireAuthorization()
            .RequireGroupModule(ProbeGroupModuleProvider.Key);
}
