using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using InternalSocial.Web;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>The host's commands, run in-process on an App_Data of their own, as `dotnet run -- ...` runs them.</summary>
[Collection(WebCollection.Name)]
public sealed class CommandLineTests : IDisposable
{
    private readonly string _appData = Path.Combine(Path.GetTempPath(), "internalsocial-cli-tests", Guid.NewGuid().ToString("N"));

    private Task<int> RunAsync(params string[] args) => CommandLine.RunAsync(args, _appData);

    [Fact]
    public async Task Setup_then_feature_and_tenant_commands_work_and_bad_input_exits_non_zero_changing_nothing()
    {
        var weak = await RunAsync("setup", "--recipe", "minimal", "--site-name", "Cli Org", "--admin-user", "admin", "--admin-email", "admin@cli.test", "--admin-password", "weak");
        Assert.Equal(2, weak);
        Assert.Contains("\"Uninitialized\"", await File.ReadAllTextAsync(Path.Combine(_appData, "tenants.json")), StringComparison.Ordinal);

        Assert.NotEqual(0, await RunAsync("setup", "--recipe", "minimal", "--site-name", "Cli Org"));

        Assert.Equal(0, await RunAsync("setup", "--recipe", "minimal", "--site-name", "Cli Org", "--admin-user", "admin", "--admin-email", "admin@cli.test", "--admin-password", "Cl1-Password!"));
        Assert.Contains("\"Running\"", await File.ReadAllTextAsync(Path.Combine(_appData, "tenants.json")), StringComparison.Ordinal);

        Assert.Equal(0, await RunAsync("features", "enable", "InternalSocial.QuickLinks"));
        Assert.Equal(1, await RunAsync("features", "disable", "InternalSocial.Admin"));
        Assert.Equal(1, await RunAsync("features", "enable", "No.Such.Feature"));
        Assert.Equal(0, await RunAsync("features", "list"));

        Assert.Equal(2, await RunAsync("tenants", "create", "Second"));
        Assert.Equal(0, await RunAsync("tenants", "create", "Second", "--prefix", "second"));
        Assert.Equal(1, await RunAsync("tenants", "disable", "Second"));
        Assert.Equal(0, await RunAsync("setup", "--tenant", "Second", "--recipe", "minimal", "--site-name", "Second", "--admin-user", "admin", "--admin-email", "admin@second.test", "--admin-password", "Cl1-Password!"));
        Assert.Equal(0, await RunAsync("tenants", "disable", "Second"));
        Assert.Equal(0, await RunAsync("tenants", "enable", "Second"));
        Assert.Equal(0, await RunAsync("tenants", "list"));
        Assert.Equal(0, await RunAsync("recipes", "list"));

        // Recipes from files: malformed ones exit 2, a failing step exits 1, and none of them changes the tenant.
        var tenants = await File.ReadAllTextAsync(Path.Combine(_appData, "tenants.json"));
        Assert.Equal(0, await RunAsync("features", "enable", "InternalSocial.Probe"));
        var bad = new Dictionary<string, string>
        {
            ["syntax.recipe.json"] = "{ \"name\": \"syntax\", \"steps\": [ ",
            ["unknown-step.recipe.json"] = "{ \"name\": \"unknown\", \"steps\": [ { \"name\": \"teleport\" } ] }",
            ["missing-variable.recipe.json"] = "{ \"name\": \"missing\", \"steps\": [ { \"name\": \"settings\", \"siteName\": \"{{org}}\" } ] }",
        };
        foreach (var (file, json) in bad)
        {
            var path = Path.Combine(_appData, file);
            await File.WriteAllTextAsync(path, json);
            Assert.Equal(2, await RunAsync("recipes", "run", path));
        }

        var failing = Path.Combine(_appData, "failing.recipe.json");
        await File.WriteAllTextAsync(failing, "{ \"name\": \"failing\", \"steps\": [ { \"name\": \"settings\", \"siteName\": \"Changed\" }, { \"name\": \"probe-note\", \"text\": \"x\", \"fail\": true } ] }");
        Assert.Equal(1, await RunAsync("recipes", "run", failing));
        Assert.Equal(0, await RunAsync("recipes", "run", Path.Combine(_appData, "missing-variable.recipe.json"), "--var", "org=Renamed Org"));
        Assert.Equal(tenants, await File.ReadAllTextAsync(Path.Combine(_appData, "tenants.json")));
    }

    public static TheoryData<string> SetupRecipes()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "recipes"), "*.recipe.json").Order())
        {
            var recipe = InternalSocial.Kernel.Recipes.Recipe.Parse(File.ReadAllText(file), Path.GetFileName(file));
            if (recipe.IsSetupRecipe)
            {
                data.Add(recipe.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SetupRecipes))]
    public async Task Each_setup_recipe_sets_up_a_tenant_from_the_command_line_with_the_features_theme_roles_and_settings_it_declares(string recipeName)
    {
        Assert.Equal(0, await RunAsync("setup", "--recipe", recipeName, "--site-name", "Cli " + recipeName, "--admin-user", "admin", "--admin-email", "admin@cli.test", "--admin-password", "Cl1-Password!"));

        await using var app = WebHost.CreateBuilder([], _appData, quiet: true).Build();
        var shellHost = app.Services.GetRequiredService<ShellHost>();
        await shellHost.InitializeAsync(CancellationToken.None);
        var recipe = (await app.Services.GetRequiredService<InternalSocial.Kernel.Recipes.RecipeHarvester>().FindAsync(recipeName, CancellationToken.None))!;
        var steps = await app.Services.GetRequiredService<InternalSocial.Kernel.Recipes.RecipeExecutor>().ValidateAsync(ShellSettings.DefaultName, recipe, null, CancellationToken.None);
        var enabled = (await app.Services.GetRequiredService<FeatureManager>().GetFeaturesAsync(ShellSettings.DefaultName, CancellationToken.None))
            .Where(f => f.IsEnabled).Select(f => f.Feature.Id).ToHashSet();
        foreach (var id in steps.Where(s => s.Name == "features").SelectMany(s => InternalSocial.Kernel.Recipes.RecipeExecutor.FeatureIds(s, "enable")))
        {
            Assert.Contains(id, enabled);
        }

        var shell = await shellHost.GetOrCreateShellAsync(ShellSettings.DefaultName, CancellationToken.None);
        var settings = await shell.InScopeAsync(services => services.GetRequiredService<InternalSocial.Kernel.Settings.SiteSettingsService>().GetAsync(CancellationToken.None));
        Assert.Equal("Cli " + recipeName, settings.SiteName);
        foreach (var step in steps.Where(s => s.Name == "settings"))
        {
            foreach (var (field, value) in step.Data.Where(p => p.Key != "name"))
            {
                var actual = field switch { "timeZoneId" => settings.TimeZoneId, "defaultCulture" => settings.DefaultCulture, "accentColor" => settings.AccentColor, _ => settings.SiteName };
                Assert.Equal(value!.GetValue<string>(), actual);
            }
        }

        // The theme and the roles, read back as the tenant's exported configuration.
        var exported = await shell.InScopeAsync(services => services.GetRequiredService<InternalSocial.Kernel.Recipes.RecipeExportService>().ExportAsync(CancellationToken.None));
        var exportedSteps = exported["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        foreach (var part in new[] { "site", "admin" })
        {
            if (steps.Where(s => s.Name == "theme").Select(s => s.Data[part]?.GetValue<string>()).LastOrDefault(t => t is not null) is { } theme)
            {
                Assert.Equal(theme, exportedSteps.Single(s => s["name"]!.GetValue<string>() == "theme")[part]?.GetValue<string>());
            }
        }

        var roles = exportedSteps.Single(s => s["name"]!.GetValue<string>() == "roles")["roles"]!.AsArray();
        foreach (var role in steps.Where(s => s.Name == "roles").SelectMany(s => s.Data["roles"]!.AsArray()))
        {
            var actual = roles.Single(r => r!["name"]!.GetValue<string>() == role!["name"]!.GetValue<string>())!;
            Assert.Equal(
                role!["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).Order(),
                actual["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).Order());
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_appData, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS with the rest of the temp folder.
        }
    }
}

/// <summary>Setup from configuration, as a container would do it with environment variables.</summary>
[Collection(WebCollection.Name)]
public sealed class ConfiguredSetupTests
{
    [Fact]
    public async Task The_default_tenant_is_set_up_at_start_from_configuration()
    {
        var appData = Path.Combine(Path.GetTempPath(), "internalsocial-config-tests", Guid.NewGuid().ToString("N"));
        await using var factory = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting(InternalSocial.Kernel.Hosting.InternalSocialHostExtensions.AppDataKey, appData);
            builder.UseSetting("InternalSocial:Setup:SiteName", "Configured Org");
            builder.UseSetting("InternalSocial:Setup:Recipe", "minimal");
            builder.UseSetting("InternalSocial:Setup:AdminUserName", "ops");
            builder.UseSetting("InternalSocial:Setup:AdminEmail", "ops@configured.test");
            builder.UseSetting("InternalSocial:Setup:AdminPassword", "0ps-Password!");
        });
        using var client = factory.CreateClient();

        var home = await client.GetStringAsync("/");

        Assert.Contains("Configured Org", home, StringComparison.Ordinal);
        var token = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "ops", password = "0ps-Password!", name = "ops" });
        Assert.Equal(System.Net.HttpStatusCode.Created, token.StatusCode);
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(appData, recursive: true);
    }
}
