using InternalSocial.Kernel.Shells;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Web;
using Microsoft.Data.Sqlite;

namespace InternalSocial.IntegrationTests;

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
