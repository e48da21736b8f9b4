using InternalSocial.Groups.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.GroupsBridge;

/// <summary>The group space's Polls tab: a per-group module of the Groups registry whose page the Polls module renders.</summary>
internal sealed class GroupPollsTab(IStringLocalizer<ModuleResources> T) : IGroupModuleProvider
{
    public const string Key = "polls";

    public IEnumerable<GroupModuleDescriptor> GetModules() =>
        [new GroupModuleDescriptor(Key, T["Polls"], "InternalSocial.Polls.Groups", "~/groups/{slug}/polls", Order: 100)];
}
