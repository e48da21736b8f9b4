using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Security;
using InternalSocial.Recipes.Endpoints;
using InternalSocial.Recipes.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Recipes;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<RecipesService>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => RecipesApi.Map(endpoints);
}
