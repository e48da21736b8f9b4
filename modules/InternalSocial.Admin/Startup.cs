using InternalSocial.Admin.Endpoints;
using InternalSocial.Admin.Services;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Admin;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<FeaturesAdminService>();
        services.AddScoped<SettingsAdminService>();
        services.AddScoped<LogoAdminService>();
        // The kernel's recipe steps change what these pages change: a person running a recipe needs the same rights.
        services.Configure<RecipeStepPermissions>(steps =>
        {
            steps.Require(RecipeExecutor.FeaturesStepName, Permissions.ManageFeatures);
            steps.Require("settings", Permissions.ManageSettings);
            steps.Require("theme", Permissions.ManageSettings);
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => AdminApi.Map(endpoints);
}
