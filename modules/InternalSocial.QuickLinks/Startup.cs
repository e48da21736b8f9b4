using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Themes;
using InternalSocial.QuickLinks.Endpoints;
using InternalSocial.QuickLinks.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.QuickLinks;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<QuickLinksDbContext>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<QuickLinksService>();
        services.AddWidget<Components.QuickLinksWidgetViewComponent>(ZoneNames.Home, position: 500, Permissions.ViewQuickLinks);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => QuickLinksApi.Map(endpoints);
}
