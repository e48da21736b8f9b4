using InternalSocial.Groups.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.GroupsBridge;

/// <summary>The group space's Posts tab: a per-group module of the Groups registry whose page the feed renders.</summary>
internal sealed class GroupPostsTab(IStringLocalizer<ModuleResources> T) : IGroupModuleProvider
{
    public const string Key = "posts";

    public IEnumerable<GroupModuleDescriptor> GetModules() =>
        [new GroupModuleDescriptor(Key, T["Posts"], "InternalSocial.Feed.Groups", "~/groups/{slug}/posts", Order: -100)];
}
