using InternalSocial.Kernel.Modules;
using InternalSocial.Newsletter.Services;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Newsletter.GroupsBridge;

/// <summary>Newsletter to groups: the audience's groups and their members come from the Groups module's <see cref="IGroupAccess"/>.</summary>
[ForFeature("InternalSocial.Newsletter.Groups")]
internal sealed class NewsletterGroupsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<INewsletterGroups, GroupsNewsletterAudience>();
}
