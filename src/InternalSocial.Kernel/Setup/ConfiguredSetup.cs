using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Kernel.Setup;

/// <summary>
/// Sets up the Default tenant at start from the <c>InternalSocial:Setup</c> configuration section (for containers
/// and scripts: <c>InternalSocial__Setup__SiteName=…</c> and so on), when it is not set up yet. Bad values stop the
/// host with the setup's error, rather than leaving an open setup page behind.
/// </summary>
internal sealed class ConfiguredSetup(IConfiguration configuration, ShellHost shellHost, SetupService setup, ILogger<ConfiguredSetup> logger) : IHostedService
{
    public const string Section = "InternalSocial:Setup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(Section);
        if (!section.Exists() || shellHost.Find(ShellSettings.DefaultName)?.State != TenantState.Uninitialized)
        {
            return;
        }

        logger.LogInformation("Setting up the Default tenant from configuration section {Section}.", Section);
        await setup.SetupAsync(new SetupRequest
        {
            SiteName = section["SiteName"] ?? "",
            RecipeName = section["Recipe"] ?? "",
            AdminUserName = section["AdminUserName"] ?? "",
            AdminEmail = section["AdminEmail"] ?? "",
            AdminPassword = section["AdminPassword"] ?? "",
            DatabaseProvider = Enum.TryParse<DatabaseProvider>(section["DatabaseProvider"], ignoreCase: true, out var provider) ? provider : null,
            ConnectionString = section["ConnectionString"],
            BaseUrl = section["BaseUrl"],
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
