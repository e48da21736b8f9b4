using InternalSocial.Charter.Events;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Workflows.Abstractions.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Charter.WorkflowsEvents;

[ForFeature("InternalSocial.Charter.Workflows")]
internal sealed class CharterWorkflowsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IActivity, CharterAcceptedEvent>();
        services.AddScoped<IEventHandler<CharterAccepted>, CharterAcceptedTrigger>();
    }
}
