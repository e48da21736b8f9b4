using InternalSocial.Groups.Abstractions;
using InternalSocial.Kernel.Modules;
using InternalSocial.Polls.Services;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.GroupsBridge;

/// <summary>
/// Polls in groups: the group's readers read its polls, its posters create them, its moderators manage them; the group
/// space's Polls tab (<c>/groups/{slug}/polls</c>, <see cref="GroupPollsController"/>).
/// </summary>
[ForFeature("InternalSocial.Polls.Groups")]
internal sealed class PollsGroupsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IPollContainerAccess, GroupPollAccess>();
        services.AddScoped<IGroupModuleProvider, GroupPollsTab>();
    }
}
