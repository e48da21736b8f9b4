using System.Reflection;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Setup;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.Hosting;

public static class InternalSocialHostExtensions
{
    /// <summary>The configuration key (or environment variable) that moves App_Data.</summary>
    public const string AppDataKey = "INTERNALSOCIAL_APP_DATA";

    /// <summary>Adds the modular, multi-tenant kernel to the host.</summary>
    public static WebApplicationBuilder AddInternalSocial(this WebApplicationBuilder builder, Action<InternalSocialOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new InternalSocialOptions();
        var configuredAppData = builder.Configuration[AppDataKey];
        if (!string.IsNullOrWhiteSpace(configuredAppData))
        {
            options.AppDataPath = configuredAppData;
        }

        configure(options);
        var appData = new AppDataFolder(Path.GetFullPath(options.AppDataPath, builder.Environment.ContentRootPath));
        // A cycle or a missing dependency stops the host here, naming them.
        var catalog = new FeatureCatalog(options.ModuleAssemblies);

        var services = builder.Services;
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(appData);
        services.AddSingleton(catalog);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ShellSettingsStore>();
        services.AddSingleton<ModuleMigrator>();
        services.AddSingleton<ShellContainerFactory>();
        services.AddSingleton<ShellHost>();
        services.AddSingleton<FeatureManager>();
        services.AddSingleton<TenantManager>();
        services.AddSingleton<RecipeHarvester>();
        services.AddSingleton<RecipeExecutor>();
        services.AddSingleton<SetupService>();
        services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        services.AddHostedService<ShellHostInitializer>();
        services.AddHostedService<ConfiguredSetup>();
        services.AddSingleton<BackgroundTasks.BackgroundTaskRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundTasks.BackgroundTaskRunner>());
        services.AddDataProtection()
            .SetApplicationName("InternalSocial")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(appData.Root, "DataProtection-Keys")));
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<TenantsReadyCheck>("tenants", tags: ["ready"]);
        return builder;
    }

    /// <summary>Every assembly of the application whose name starts with "InternalSocial." and that declares a module.</summary>
    public static InternalSocialOptions AddModulesFromDependencyContext(this InternalSocialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var context = DependencyContext.Default ?? throw new InvalidOperationException("No dependency context: list module assemblies explicitly.");
        foreach (var library in context.RuntimeLibraries.Where(l => l.Name.StartsWith("InternalSocial.", StringComparison.Ordinal)))
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(new AssemblyName(library.Name));
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            if (assembly.GetCustomAttribute<ModuleAttribute>() is not null && !options.ModuleAssemblies.Contains(assembly))
            {
                options.ModuleAssemblies.Add(assembly);
            }
        }

        return options;
    }

    /// <summary>
    /// Security headers on every answer (<see cref="SecurityHeadersMiddleware"/>), health endpoints, then every request
    /// goes to its tenant; a request no tenant claims gets 404.
    /// </summary>
    public static WebApplication UseInternalSocial(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.UseHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.UseMiddleware<TenantRoutingMiddleware>();
        app.Run(context => TypedResults.Problem("No organisation answers at this address.", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context));
        return app;
    }
}

internal sealed class ShellHostInitializer(ShellHost shellHost) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => shellHost.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Ready when tenants.json has been read and App_Data is writable.</summary>
internal sealed class TenantsReadyCheck(ShellHost shellHost, AppDataFolder appData) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (shellHost.AllSettings.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Tenants are not loaded yet."));
        }

        try
        {
            var probe = Path.Combine(appData.Root, ".ready-probe");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (IOException exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"App_Data is not writable: {exception.Message}"));
        }
        catch (UnauthorizedAccessException exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"App_Data is not writable: {exception.Message}"));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{shellHost.AllSettings.Count} tenant(s)."));
    }
}
