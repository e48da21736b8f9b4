using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Charter.Controllers;

/// <summary>The pages' part of the main feature: the admin menu entry (the controllers are found by MVC).</summary>
internal sealed class CharterPagesStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddSingleton<INavigationProvider, AdminMenu>();
}
