using InternalSocial.Benchmarks.Module;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Setup;
using InternalSocial.Kernel.Shells;
using InternalSocial.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks.Hosting;

/// <summary>
/// The real host (WebHost.CreateBuilder, UseInternalSocial) on a fresh App_Data, with the Default tenant set up
/// from the minimal recipe and every bench feature on.
/// </summary>
public sealed class InternalSocialHost : RunningApp
{
    public const string Tenant = ShellSettings.DefaultName;

    private InternalSocialHost(WebApplication app, HttpClient client, string contentRoot)
        : base(app, client, contentRoot)
    {
    }

    public FeatureManager Features => Services.GetRequiredService<FeatureManager>();

    public ShellHost Shells => Services.GetRequiredService<ShellHost>();

    /// <param name="postgres">
    /// A PostgreSQL server's connection string (with CREATEDB rights) to set the Default tenant up on a new database
    /// of it instead of SQLite; the database is named after the run and dropped by <see cref="DropPostgresAsync"/>.
    /// </param>
    public static async Task<InternalSocialHost> StartAsync(Transport transport, string? postgres = null)
    {
        var contentRoot = ContentRoot.Create();
        var builder = WebHost.CreateBuilder(["--contentRoot", contentRoot], Path.Combine(contentRoot, "App_Data"), quiet: true);
        transport.Apply(builder);
        var app = builder.Build();
        app.UseInternalSocial();
        await app.StartAsync();
        var host = new InternalSocialHost(app, transport.CreateClient(app), contentRoot);
        try
        {
            await host.SetUpAsync(postgres);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Drops the Default tenant's PostgreSQL database (after a run with <c>postgres</c>); nothing on SQLite.</summary>
    public async Task DropPostgresAsync()
    {
        if (Shells.Find(Tenant) is { DatabaseProvider: DatabaseProvider.Postgres } settings)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await new Kernel.Data.TenantDatabase(settings, Services.GetRequiredService<AppDataFolder>()).DropAsync(CancellationToken.None);
        }
    }

    /// <summary>Takes one request so that the tenant's current shell has built its routes and endpoints.</summary>
    public Task WarmAsync() => GetAsync(PingStartup.Path);

    private async Task SetUpAsync(string? postgres)
    {
        var recipes = Services.GetRequiredService<Kernel.Recipes.RecipeHarvester>();
        if (await recipes.FindAsync("minimal", CancellationToken.None) is null)
        {
            throw new InvalidOperationException($"The minimal recipe is not in {recipes.Folder}: the Web project's recipes did not reach the benchmark's output.");
        }

        await Services.GetRequiredService<SetupService>().SetupAsync(
            new SetupRequest
            {
                TenantName = Tenant,
                SiteName = "Benchmarks",
                RecipeName = "minimal",
                AdminUserName = "admin",
                AdminEmail = "admin@bench.invalid",
                AdminPassword = "Bench-Passw0rd",
                DatabaseProvider = postgres is null ? null : DatabaseProvider.Postgres,
                ConnectionString = postgres is null ? null : new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = "isbench_" + Guid.NewGuid().ToString("N")[..12] }.ToString(),
            },
            CancellationToken.None);
        await Features.EnableAsync(Tenant, [.. BenchFeatures.All], CancellationToken.None);
        var answer = await GetAsync(PingStartup.Path);
        if (answer != "ok")
        {
            throw new InvalidOperationException($"GET {PingStartup.Path} answered '{answer}' instead of 'ok'.");
        }

        // Proves the numbered features' services and endpoints are really in the shell the rebuilds measure.
        var toggled = BenchFeatures.Toggled;
        var label = await GetAsync("/bench/f" + toggled[^2..]);
        if (!label.StartsWith(toggled, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{toggled} answered '{label}'.");
        }
    }
}
