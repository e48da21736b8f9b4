using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Themes.Admin;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<ISetupEventHandler, AdminThemeSetup>();
}
