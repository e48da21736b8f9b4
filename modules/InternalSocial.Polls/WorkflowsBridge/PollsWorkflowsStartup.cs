using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Polls.Events;
using InternalSocial.Workflows.Abstractions.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.WorkflowsBridge;

[ForFeature("InternalSocial.Polls.Workflows")]
internal sealed class PollsWorkflowsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IActivity, PollClosedEvent>();
        services.AddScoped<IEventHandler<PollClosed>, PollClosedTrigger>();
    }
}
