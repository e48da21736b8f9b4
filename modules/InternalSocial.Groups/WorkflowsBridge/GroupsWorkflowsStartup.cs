using InternalSocial.Kernel.Modules;
using InternalSocial.Workflows.Abstractions.Assignees;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Groups.WorkflowsBridge;

[ForFeature("InternalSocial.Groups.Workflows")]
internal sealed class GroupsWorkflowsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddScoped<IAssigneeScope, GroupModeratorsScope>();
}
