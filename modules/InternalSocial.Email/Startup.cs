using InternalSocial.Email.Endpoints;
using InternalSocial.Email.Services;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Mail;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Email;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<EmailDbContext>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<EmailSettingsService>();
        services.AddScoped<IMailSender, EmailOutbox>();
        services.AddScoped<OutboxQueries>();
        services.AddScoped<IBackgroundTask, OutboxDispatcher>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => EmailApi.Map(endpoints);
}
