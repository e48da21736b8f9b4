using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Setup;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit.Abstractions;

namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>
/// One web host for the whole test collection, on a temporary App_Data. Its Default tenant is set up with the
/// "default" recipe plus the Tenants feature, and test classes create their own tenants through its API.
/// </summary>
public sealed class HostFixture(IMessageSink messages) : IAsyncLifetime
{
    public const string AdminPassword = "Adm1n-Password";

    /// <summary>Sign-in and token requests a tenant accepts per minute in the test host.</summary>
    public const int AuthRequestsPerMinute = 40;

    public static HostFixture Current { get; private set; } = null!;

    public string AppData { get; } = Path.Combine(Path.GetTempPath(), "internalsocial-tests", Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The host's clock: real time plus an offset that tests move (and put back in a finally).</summary>
    public TestClock Clock { get; } = new();

    /// <summary>An API client of the Default tenant, with an administrator's token.</summary>
    public HttpClient DefaultAdmin { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    // Cleanup queued by test classes, one piece after the other, off the tests' path; the host waits for it at the end.
    private readonly Lock _cleanupLock = new();
    private Task _cleanup = Task.CompletedTask;

    public ShellHost ShellHost => Services.GetRequiredService<ShellHost>();

    public async Task InitializeAsync()
    {
        Current = this;
        SuiteBudget.HostStarted();
        Probe.QueryCounter.Subscribe();
        Directory.CreateDirectory(AppData);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting(InternalSocialHostExtensions.AppDataKey, AppData);
            builder.UseSetting("InternalSocial:AuthRequestsPerMinute", AuthRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Tests run background tasks when they choose (BackgroundTaskRunner.RunDueTasksAsync), not on a timer.
            builder.UseSetting("InternalSocial:BackgroundTaskTick", "00:00:00");
            builder.UseSetting("InternalSocial:Feed:PostsPerMinute", "1000");
            builder.UseSetting("InternalSocial:AllowPrivateNetworkTargets", "true");
            builder.ConfigureTestServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
                services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            });
        });

        await Services.GetRequiredService<SetupService>().SetupAsync(new SetupRequest
        {
            SiteName = "Test host",
            RecipeName = "default",
            AdminUserName = "admin",
            AdminEmail = "admin@host.test",
            AdminPassword = AdminPassword,
        }, CancellationToken.None);
        await Services.GetRequiredService<FeatureManager>().EnableAsync(ShellSettings.DefaultName, ["InternalSocial.Tenants"], CancellationToken.None);
        DefaultAdmin = await CreateTokenClientAsync("", "admin", AdminPassword);
    }

    /// <summary>
    /// Runs <paramref name="cleanup"/> after the cleanup already queued, while the next classes run: dropping a
    /// PostgreSQL database makes the server write a checkpoint, seconds on a loaded disk that no test needs to wait for.
    /// A failure is reported, not thrown: cleanup is not a test.
    /// </summary>
    public void QueueCleanup(string what, Func<Task> cleanup)
    {
        lock (_cleanupLock)
        {
            _cleanup = _cleanup.ContinueWith(
                async _ =>
                {
                    try
                    {
                        await cleanup();
                    }
                    catch (Exception exception)
                    {
                        await Console.Error.WriteLineAsync($"Cleanup failed ({what}): {exception.Message}");
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>A client for a tenant's URL prefix ("" for Default); follows no redirect, keeps cookies.</summary>
    public HttpClient CreateClient(string prefix) => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(prefix.Length == 0 ? "http://localhost/" : $"http://localhost/{prefix}/"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public async Task<HttpClient> CreateTokenClientAsync(string prefix, string userName, string password)
    {
        var client = CreateClient(prefix);
        var response = await client.PostAsJsonAsync("api/v1/auth/tokens", new { userName, password, name = "tests" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token for {userName} at '/{prefix}': {(int)response.StatusCode} {body}");
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        SuiteBudget.Report(messages, ShellHost.AllSettings.Count(s => s.State == TenantState.Running));
        Task cleanup;
        lock (_cleanupLock)
        {
            cleanup = _cleanup;
        }

        await cleanup;
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(AppData, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the runtime; the temp folder is cleaned by the OS.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "web";
}
