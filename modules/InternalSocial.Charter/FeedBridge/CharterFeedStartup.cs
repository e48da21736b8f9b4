using InternalSocial.Feed.Abstractions;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Themes;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Charter.FeedBridge;

/// <summary>The editorial charter beside the feed's composer (and a group's), collapsed, its rules anchored.</summary>
[ForFeature("InternalSocial.Charter.Feed")]
internal sealed class CharterFeedStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddWidget<EditorialCharterViewComponent>(FeedZones.ComposerSide, position: 100);
}
