using InternalSocial.Kernel.Modules;
using InternalSocial.Workflows.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Charter.WorkflowsBridge;

/// <summary>A moderator rejecting a post may cite a rule of the editorial charter ("see rule 3").</summary>
[ForFeature("InternalSocial.Charter.Moderation")]
internal sealed class CharterModerationStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddScoped<IModerationRules, EditorialCharterRules>();
}
