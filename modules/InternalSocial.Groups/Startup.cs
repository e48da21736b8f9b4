using InternalSocial.Groups.Abstractions;
using InternalSocial.Groups.Endpoints;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Groups;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<GroupsDbContext>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<GroupModules>();
        services.AddScoped<GroupAccess>();
        services.AddScoped<IGroupAccess>(sp => sp.GetRequiredService<GroupAccess>());
        services.AddScoped<GroupsService>();
        services.AddScoped<GroupDirectory>();
        services.AddScoped<GroupModuleSwitches>();
        services.AddScoped<GroupRoster>();
        services.AddScoped<MembershipService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<JoinRequestService>();
        services.AddScoped<MembershipRuleService>();
        services.AddScoped<GroupSpaces>();
        services.AddScoped<IGroupSpaces>(sp => sp.GetRequiredService<GroupSpaces>());
        services.AddScoped<GroupCovers>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<IProfileAccessRule, GroupProfileAccessRule>();
        services.AddScoped<IEventHandler<PersonErased>, PersonErasedHandler>();
        services.AddScoped<IEventHandler<PeoplePlaced>, PeoplePlacedHandler>();
        services.AddScoped<IRecipeStepHandler, Recipes.GroupsRecipeStep>();
        services.AddScoped<IRecipeExporter, Recipes.GroupsExporter>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => GroupsApi.Map(endpoints);
}
