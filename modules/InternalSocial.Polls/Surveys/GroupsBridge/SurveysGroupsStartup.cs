using InternalSocial.Kernel.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.Surveys.GroupsBridge;

/// <summary>With Groups on, a survey's audience may name groups.</summary>
[ForFeature("InternalSocial.Polls.Groups")]
internal sealed class SurveysGroupsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddScoped<ISurveyGroups, SurveyGroups>();
}
