using InternalSocial.Charter.Endpoints;
using InternalSocial.Charter.Services;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Charter;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<CharterDbContext>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddScoped<CharterService>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => CharterApi.Map(endpoints);
}
