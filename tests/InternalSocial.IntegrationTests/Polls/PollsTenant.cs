using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A tenant set up with the default recipe (Polls on), an author, a director, a moderator, two employees and a guest;
/// tests add crowds of voters with <see cref="PeopleAsync"/>, whose tokens are issued directly (no password to hash).
/// </summary>
public abstract class PollsTenant(DatabaseProvider provider) : TestTenant(provider, "default"), IAsyncLifetime
{
    public const string Password = "P0lls-Password";

    private readonly List<HttpClient> _clients = [];

    public HttpClient Author { get; private set; } = null!;

    public HttpClient Director { get; private set; } = null!;

    public HttpClient Moderator { get; private set; } = null!;

    public HttpClient Voter { get; private set; } = null!;

    public HttpClient Other { get; private set; } = null!;

    public HttpClient Guest { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        foreach (var (name, role) in new[] { ("author", BuiltInRoles.Employee), ("director", BuiltInRoles.CommunicationDirector), ("moderator", BuiltInRoles.Moderator), ("voter", BuiltInRoles.Employee), ("other", BuiltInRoles.Employee), ("guest", BuiltInRoles.Guest) })
        {
            await CreateUserAsync(name, Password, role);
        }

        Author = await Host.CreateTokenClientAsync(Prefix, "author", Password);
        Director = await Host.CreateTokenClientAsync(Prefix, "director", Password);
        Moderator = await Host.CreateTokenClientAsync(Prefix, "moderator", Password);
        Voter = await Host.CreateTokenClientAsync(Prefix, "voter", Password);
        Other = await Host.CreateTokenClientAsync(Prefix, "other", Password);
        Guest = await Host.CreateTokenClientAsync(Prefix, "guest", Password);
    }

    /// <summary>New employees in a department and site, each with an API client: (user id, client).</summary>
    public async Task<IReadOnlyList<(string Id, HttpClient Client)>> PeopleAsync(string prefix, int count, string? department = null, string? site = null)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        var tokens = await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var access = services.GetRequiredService<AccessTokenService>();
            var issued = new List<(string, string)>();
            for (var i = 0; i < count; i++)
            {
                var user = new User { UserName = $"{prefix}{i}", Email = $"{prefix}{i}@{Name}.test", DisplayName = $"{prefix} {i}", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow, Department = department, Site = site };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, BuiltInRoles.Employee)).Succeeded);
                issued.Add((user.Id, (await access.CreateForUserAsync(user.Id, "tests", null, CancellationToken.None)).Token));
            }

            return issued;
        });
        return [.. tokens.Select(t => (t.Item1, Client(t.Item2)))];
    }

    public async Task<string> UserIdAsync(string userName)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        return await shell.InScopeAsync(async services => (await services.GetRequiredService<UserManager<User>>().FindByNameAsync(userName))!.Id);
    }

    /// <summary>Runs <paramref name="work"/> on the tenant's polls database.</summary>
    internal async Task<T> InDatabaseAsync<T>(Func<PollsDbContext, Task<T>> work)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        return await shell.InScopeAsync(services => work(services.GetRequiredService<PollsDbContext>()));
    }

    public static async Task<long> CreatePollAsync(HttpClient client, object poll) =>
        (await (await client.PostAsJsonAsync("api/v1/polls", poll)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static async Task<JsonElement> GetPollAsync(HttpClient client, long id) =>
        await (await client.GetAsync($"api/v1/polls/{id}")).ExpectJsonAsync(HttpStatusCode.OK);

    /// <summary>The poll's option ids, in order.</summary>
    public static async Task<long[]> OptionIdsAsync(HttpClient client, long id) =>
        [.. (await GetPollAsync(client, id)).GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt64())];

    public static Task<HttpResponseMessage> VoteAsync(HttpClient client, long id, params long[] choices) =>
        client.PostAsJsonAsync($"api/v1/polls/{id}/votes", new { choices });

    private HttpClient Client(string token)
    {
        var client = Host.CreateClient(Prefix);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _clients.Add(client);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in _clients.Concat([Author, Director, Moderator, Voter, Other, Guest]).OfType<HttpClient>())
        {
            client.Dispose();
        }

        await DisposeAsync();
    }
}

public sealed class PollsSqliteTenant() : PollsTenant(DatabaseProvider.Sqlite);

public sealed class PollsPostgresTenant() : PollsTenant(DatabaseProvider.Postgres);
