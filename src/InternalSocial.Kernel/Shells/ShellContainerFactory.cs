using System.Diagnostics;
using System.Text.Json.Serialization;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.Shells;

/// <summary>
/// Builds a tenant's container and pipeline from the host's allow-listed singletons, the kernel's tenant services
/// and the startups of the tenant's enabled features. Only enabled modules become MVC application parts, so the
/// controllers and views of disabled modules do not exist in the tenant.
/// </summary>
public sealed class ShellContainerFactory(IServiceProvider hostServices, FeatureCatalog catalog)
{
    /// <summary>Host singletons a tenant shares. Everything else (MVC, authentication, caches, data) is per tenant.</summary>
    private static readonly Type[] SharedHostServices =
    [
        typeof(ILoggerFactory),
        typeof(IConfiguration),
        typeof(IWebHostEnvironment),
        typeof(IHostEnvironment),
        typeof(IHostApplicationLifetime),
        typeof(TimeProvider),
        typeof(DiagnosticListener),
        typeof(DiagnosticSource),
        typeof(FeatureCatalog),
        typeof(AppDataFolder),
        typeof(ShellHost),
        typeof(ShellSettingsStore),
        typeof(FeatureManager),
        typeof(TenantManager),
        typeof(ModuleMigrator),
        typeof(Setup.SetupService),
        typeof(Recipes.RecipeHarvester),
        typeof(Recipes.RecipeExecutor),
        typeof(IOptions<InternalSocialOptions>),
        // Read only for the address it listens at: the last fallback of e-mail links (TenantUrls).
        typeof(Microsoft.AspNetCore.Hosting.Server.IServer),
    ];

    public ShellContext Create(ShellSettings settings, IReadOnlyList<FeatureInfo> features)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var services = new ServiceCollection();
        foreach (var type in SharedHostServices)
        {
            var instance = hostServices.GetService(type);
            if (instance is not null)
            {
                services.AddSingleton(type, instance);
            }
        }

        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        // Same key ring as the host, but a purpose per tenant: one tenant's cookies and tokens mean nothing to another.
        var hostProtection = hostServices.GetRequiredService<IDataProtectionProvider>();
        services.AddSingleton<IDataProtectionProvider>(hostProtection.CreateProtector("InternalSocial.Tenant", settings.Name));

        var appData = hostServices.GetRequiredService<AppDataFolder>();
        services.AddSingleton(settings);
        services.AddSingleton(new TenantDatabase(settings, appData));
        services.AddSingleton(new ShellFeatures(features));
        AddKernelTenantServices(services, features);

        var enabledIds = features.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        // Startups may take the tenant's settings and host services in their constructor.
        var startupServices = new StartupServices(hostServices, settings);
        var startups = new List<ModuleStartup>();
        foreach (var feature in features)
        {
            foreach (var type in catalog.StartupTypesOf(feature.Id))
            {
                var required = type.GetCustomAttributes(typeof(RequireFeaturesAttribute), false).Cast<RequireFeaturesAttribute>().SingleOrDefault();
                if (required is null || required.FeatureIds.All(enabledIds.Contains))
                {
                    startups.Add((ModuleStartup)ActivatorUtilities.CreateInstance(startupServices, type));
                }
            }
        }

        // A stable sort: same Order keeps the features' dependency order.
        startups = [.. startups.OrderBy(s => s.Order)];
        foreach (var startup in startups)
        {
            startup.ConfigureServices(services);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var shell = new ShellContext(settings, features, provider);
        shell.Pipeline = BuildPipeline(provider, startups);
        return shell;
    }

    private static void AddKernelTenantServices(IServiceCollection services, IReadOnlyList<FeatureInfo> features)
    {
        services.AddOptions();
        services.AddHttpContextAccessor();
        services.AddRouting();
        services.AddProblemDetails();
        services.AddAntiforgery();
        services.AddAuthentication();
        services.AddAuthorization();
        AddKernelServices(services);
        AddHttpConventions(services);
        AddModuleMvc(services, features);
    }

    /// <summary>Permissions, settings, documents, events, files, themes and the kernel's recipe steps.</summary>
    private static void AddKernelServices(IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddSingleton<PermissionCatalog>();
        services.AddScoped<NavigationManager>();
        services.AddTenantDbContext<KernelDbContext>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<Events.IEventBus, Events.EventBus>();
        services.AddSingleton<Files.ITenantFileStore, Files.LocalTenantFileStore>();
        services.AddScoped<SiteSettingsService>();
        services.AddSingleton<SiteSettingsCache>();
        services.AddScoped<TenantUrls>();
        services.AddScoped<Mail.IMailSender, Mail.NoMailSender>();
        // Modules add their policies to RateLimiterOptions; the kernel's pipeline runs the limiter.
        services.AddRateLimiter(limiter => limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddScoped<Themes.ThemeResolver>();
        services.AddScoped<Recipes.RecipeValidationContext>();
        services.AddScoped<Recipes.IRecipeStepHandler, Recipes.ThemeRecipeStep>();
        services.AddScoped<Recipes.IRecipeStepHandler, Recipes.FeaturesRecipeStep>();
        services.AddScoped<Recipes.IRecipeStepHandler, Recipes.SettingsRecipeStep>();
        services.AddScoped<Recipes.IRecipeExporter, Recipes.FeaturesExporter>();
        services.AddScoped<Recipes.IRecipeExporter, Recipes.SettingsExporter>();
        services.AddScoped<Recipes.RecipeExportService>();
    }

    /// <summary>OpenAPI, localization, compression and the JSON rules every endpoint shares.</summary>
    private static void AddHttpConventions(IServiceCollection services)
    {
        services.AddOpenApi("v1");
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Only static text assets are compressed: they hold no secret, so compression over HTTPS leaks nothing
        // (pages and API answers, which can, are left alone).
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/css", "text/javascript", "application/javascript", "application/manifest+json", "image/svg+xml"];
        });
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // A field the endpoint does not know is refused, named, rather than silently dropped (docs/architecture.md).
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        // A body that cannot be read reaches ProblemResults, which names the field, instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
    }

    /// <summary>MVC over the enabled modules' assemblies only, with the kernel's filters.</summary>
    private static void AddModuleMvc(IServiceCollection services, IReadOnlyList<FeatureInfo> features)
    {
        var moduleAssemblies = features.Select(f => f.Module.Assembly).Distinct().ToList();
        // Every form post of every module must carry its antiforgery token.
        services.AddControllersWithViews(mvc =>
            {
                mvc.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                // Pages find their theme's views; API endpoints never pay for choosing a theme.
                mvc.Filters.Add<Themes.ThemeResultFilter>();
                // Kernel exceptions become status pages (or a redirect with the message) as the API's filter makes problems.
                mvc.Filters.Add<Mvc.KernelExceptionFilter>();
                // Services validate input and name the fields; MVC's implicit "required" would say it twice, differently.
                mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddJsonOptions(options => options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddRazorOptions(razor => razor.ViewLocationExpanders.Add(new Themes.ThemeViewLocationExpander()))
            // [Display] names and validation messages come from the model's module's resources.
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (type, factory) =>
                factory.Create("ModuleResources", type.Assembly.GetName().Name!))
            .ConfigureApplicationPartManager(partManager =>
            {
                partManager.ApplicationParts.Clear();
                foreach (var assembly in moduleAssemblies)
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        partManager.ApplicationParts.Add(part);
                    }
                }

                // Modules keep their controllers and view components internal; ASP.NET's providers see public types only.
                partManager.FeatureProviders.Remove(partManager.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().Single());
                partManager.FeatureProviders.Add(new Mvc.ModuleControllerFeatureProvider());
                partManager.FeatureProviders.Remove(partManager.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.ViewComponents.ViewComponentFeatureProvider>().Single());
                partManager.FeatureProviders.Add(new Mvc.ModuleViewComponentFeatureProvider());
            });
    }

    private static RequestDelegate BuildPipeline(IServiceProvider services, IReadOnlyList<ModuleStartup> startups)
    {
        var app = new ApplicationBuilder(services);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ProblemResults.WriteUnhandledAsync });
        app.UseTenantStatusCodePages();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Files linked with asp-append-version (?v=hash) change name when they change: cache them for a year.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
        app.UseTenantLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        foreach (var startup in startups)
        {
            startup.ConfigureMiddleware(app);
        }

        // After the modules' middleware, which may warm what a policy reads (the limiter cannot wait for a database).
        app.UseRateLimiter();
        app.UseEndpoints(endpoints =>
        {
            foreach (var startup in startups)
            {
                startup.MapEndpoints(endpoints);
            }

            endpoints.MapOpenApi("/openapi/{documentName}.json");
            endpoints.MapControllers();
        });
        return app.Build();
    }
}

internal sealed class StartupServices(IServiceProvider hostServices, ShellSettings settings) : IServiceProvider
{
    public object? GetService(Type serviceType) => serviceType == typeof(ShellSettings) ? settings : hostServices.GetService(serviceType);
}

/// <summary>The features of the tenant's current shell.</summary>
public sealed class ShellFeatures(IReadOnlyList<FeatureInfo> features)
{
    public IReadOnlyList<FeatureInfo> Features { get; } = features;

    public bool IsEnabled(string featureId) => Features.Any(f => f.Id == featureId);
}
