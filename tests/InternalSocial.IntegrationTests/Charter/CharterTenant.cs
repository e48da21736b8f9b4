using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.Charter.Services;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// A tenant set up with the default recipe (the charter on, nothing published). Tests make their own people with
/// <see cref="PersonAsync"/>, since a material version gates everyone, and publish through the administrator, whose
/// charter routes stay reachable whatever they accepted.
/// </summary>
public abstract class CharterTenant(DatabaseProvider provider) : TestTenant(provider, "default"), IAsyncLifetime
{
    public const string Password = "Ch4rter-Password";

    private static int _people;

    private readonly List<HttpClient> _clients = [];

    /// <summary>A new person holding <paramref name="role"/>, with an API client (bearer token).</summary>
    public async Task<(string Id, string UserName, HttpClient Client)> PersonAsync(string role = BuiltInRoles.Employee, string? displayName = null)
    {
        var userName = $"person{Interlocked.Increment(ref _people)}";
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        var (id, token) = await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = userName, Email = $"{userName}@{Name}.test", DisplayName = displayName ?? "Person " + userName, EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return (user.Id, (await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(user.Id, "tests", null, CancellationToken.None)).Token);
        });
        var client = Host.CreateClient(Prefix);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _clients.Add(client);
        return (id, userName, client);
    }

    /// <summary>A browser signed in as <paramref name="userName"/> (cookie, no token).</summary>
    public async Task<HttpClient> BrowserAsync(string userName)
    {
        var browser = Host.CreateClient(Prefix);
        _clients.Add(browser);
        var signedIn = await browser.SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>Publishes a version as the administrator; returns its number.</summary>
    public async Task<int> PublishAsync(string audience, bool material, string text)
    {
        var response = await Admin.PostAsJsonAsync("api/v1/charter/versions", new { audience, material, texts = new { en = text, fr = "FR " + text } });
        return (await response.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("number").GetInt32();
    }

    /// <summary>Accepts the caller's current charter, if any and not yet accepted.</summary>
    public static async Task AcceptCurrentAsync(HttpClient client)
    {
        var mine = await client.GetAsync("api/v1/charter");
        if (mine.StatusCode == HttpStatusCode.NoContent)
        {
            return;
        }

        var charter = await mine.ExpectJsonAsync(HttpStatusCode.OK);
        if (!charter.GetProperty("accepted").GetBoolean())
        {
            await (await client.PostAsJsonAsync("api/v1/charter/accept", new { version = charter.GetProperty("version").GetInt32() })).ExpectJsonAsync(HttpStatusCode.NoContent);
        }
    }

    public static async Task<JsonElement> MineAsync(HttpClient client) =>
        await (await client.GetAsync("api/v1/charter")).ExpectJsonAsync(HttpStatusCode.OK);

    /// <summary>Runs <paramref name="work"/> on the tenant's charter database.</summary>
    internal async Task<T> InDatabaseAsync<T>(Func<CharterDbContext, Task<T>> work)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        return await shell.InScopeAsync(services => work(services.GetRequiredService<CharterDbContext>()));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await DisposeAsync();
    }
}

public sealed class CharterSqliteTenant() : CharterTenant(DatabaseProvider.Sqlite);

public sealed class CharterPostgresTenant() : CharterTenant(DatabaseProvider.Postgres);
