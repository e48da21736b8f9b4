using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Workflows.Abstractions;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Editor;
using InternalSocial.Workflows.Endpoints;
using InternalSocial.Workflows.Recipes;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Workflows;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<WorkflowsDbContext>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<DefinitionVersionCache>();
        services.AddScoped<ActivityRegistry>();
        services.AddScoped<DefinitionValidator>();
        services.AddScoped<WorkflowDefinitionStore>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<IWorkflowEngine>(provider => provider.GetRequiredService<WorkflowEngine>());
        services.AddScoped<IModerationTaskSubjects, ModerationTaskSubjects>();
        services.AddScoped<AssigneeScopes>();
        services.AddSingleton<AssigneeKeyCatalog>();
        services.AddScoped<AssigneeKeys>();
        services.AddScoped<EditorDescriptions>();
        services.AddScoped<IAssigneeScope, RoleAssigneeScope>();
        services.AddScoped<IAssigneeScope, UserAssigneeScope>();
        services.AddScoped<ModerationService>();
        services.AddScoped<WorkflowsAdminService>();
        services.AddScoped<ReportsService>();
        services.AddScoped<IBackgroundTask, WorkflowTimersTask>();
        services.AddScoped<IRecipeStepHandler, WorkflowsRecipeStep>();
        services.AddScoped<IRecipeExporter, WorkflowsRecipeExporter>();
        services.AddSingleton<InternalSocial.Kernel.Navigation.INavigationProvider, AdminMenu>();

        services.AddScoped<IActivity, IfActivity>();
        services.AddScoped<IActivity, DelayActivity>();
        services.AddScoped<IActivity, ApprovalActivity>();
        services.AddScoped<IActivity, EscalateActivity>();
        services.AddScoped<IActivity, ContentReportedEvent>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        WorkflowsApi.Map(endpoints);
        ModerationApi.Map(endpoints);
        ModerationLogCsv.Map(endpoints);
    }
}
