using System.Net;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InternalSocial.BrowserTests.Infrastructure;

/// <summary>
/// The site on real Kestrel, on a temporary App_Data, with its Default tenant set up by the "default" recipe, and one
/// headless Chromium for the whole collection. Tests open a new browser context each, so they share no cookies.
/// Without Chromium nothing starts, and every test skips with <see cref="SkipReason"/>.
/// </summary>
public sealed class BrowserFixture(IMessageSink messages) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ScreenshotsVariable = "INTERNALSOCIAL_SCREENSHOTS";
    public const string SiteName = "Contoso Browser";
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Br0wser-Admin";

    public const string SkipReason =
        $"Browser tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium; .ci/run installs it).";

    // Runs as root in containers (no sandbox), without a GPU or /dev/shm to speak of, and with nothing that calls Google
    // or waits for a network the test machines do not have.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private BrowserHostFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _contexts;

    public static bool IsChromiumAvailable => File.Exists(ChromiumPath);

    public string AppData { get; } = Path.Combine(Path.GetTempPath(), "internalsocial-browser-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The site's root, such as http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(SkipReason);

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException(SkipReason);

    /// <summary>Where screenshots go: $INTERNALSOCIAL_SCREENSHOTS, or "screenshots" next to the test assembly.</summary>
    public static string ScreenshotsFolder { get; } =
        Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>axe-core, restored by the project's NpmCi target and copied next to the test assembly.</summary>
    public static string AxeScriptPath { get; } = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    public async Task InitializeAsync()
    {
        if (!IsChromiumAvailable)
        {
            messages.OnMessage(new DiagnosticMessage(SkipReason));
            return;
        }

        Directory.CreateDirectory(AppData);
        Directory.CreateDirectory(ScreenshotsFolder);
        messages.OnMessage(new DiagnosticMessage($"Browser test screenshots: {ScreenshotsFolder}"));

        _factory = new BrowserHostFactory(AppData);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        await _factory.Services.GetRequiredService<SetupService>().SetupAsync(new SetupRequest
        {
            SiteName = SiteName,
            RecipeName = "default",
            AdminUserName = AdminUserName,
            AdminEmail = "admin@browser.test",
            AdminPassword = AdminPassword,
        }, CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>Counts a browser context a test opened, for the budget printed at the end.</summary>
    public void ContextOpened() => Interlocked.Increment(ref _contexts);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            // Printed by .ci/run: one site and one Chromium serve every browser test, each test opening contexts.
            messages.OnMessage(new DiagnosticMessage($"Test budget: 1 site on Kestrel and 1 Chromium for the browser collection, {_contexts} browser contexts."));
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(AppData))
            {
                Directory.Delete(AppData, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open by the runtime; the temp folder is cleaned by the OS.
        }
    }

    private sealed class BrowserHostFactory(string appData) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting(InternalSocialHostExtensions.AppDataKey, appData);
            // Request logs of every page drown the test results; warnings and errors still show.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Every test signs in through the form; the production limit would make the suite's speed matter.
            builder.UseSetting("InternalSocial:AuthRequestsPerMinute", "1000");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
