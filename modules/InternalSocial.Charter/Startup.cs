using InternalSocial.Charter.Endpoints;
using InternalSocial.Charter.Events;
using InternalSocial.Charter.Gate;
using InternalSocial.Charter.Recipes;
using InternalSocial.Charter.Services;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Charter;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<CharterDbContext>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<CharterGateCache>();
        services.AddSingleton<CharterAcceptedCache>();
        services.AddScoped<CharterVersions>();
        services.AddScoped<CharterGateCheck>();
        services.AddScoped<CharterPublisher>();
        services.AddScoped<PendingPeople>();
        services.AddScoped<AcceptancesReader>();
        services.AddScoped<CharterService>();
        services.AddScoped<IPersonalDataContributor, CharterPersonalData>();
        services.AddScoped<IEventHandler<PersonErased>, CharterErasureHandler>();
        services.AddScoped<IEventHandler<CharterAccepted>, CharterAcceptedCacheInvalidator>();
        services.AddScoped<IRecipeStepHandler, CharterRecipeStep>();
        services.AddScoped<IRecipeExporter, CharterExporter>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, CharterAuthorizationResultHandler>();
    }

    public override void ConfigureMiddleware(IApplicationBuilder app) => app.Use(CharterGateMiddleware.InvokeAsync);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => CharterApi.Map(endpoints);
}
