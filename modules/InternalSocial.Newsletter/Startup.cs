using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Security;
using InternalSocial.Newsletter.Endpoints;
using InternalSocial.Newsletter.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InternalSocial.Newsletter;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<NewsletterDbContext>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.TryAddScoped<INewsletterGroups, NoNewsletterGroups>();
        services.AddScoped<EditionValidator>();
        services.AddScoped<EditionService>();
        services.AddScoped<EditionSender>();
        services.AddScoped<NewsletterTracking>();
        services.AddScoped<NewsletterSubscriptions>();
        services.AddScoped<IBackgroundTask, NewsletterSendTask>();
        services.AddScoped<Users.Abstractions.IPersonalDataContributor, NewsletterPersonalData>();
        services.AddScoped<Kernel.Events.IEventHandler<Users.Abstractions.Events.PersonErased>, NewsletterErasureHandler>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => NewsletterApi.Map(endpoints);
}
