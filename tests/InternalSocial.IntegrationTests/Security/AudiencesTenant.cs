using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// The people of <see cref="GroupsTenant"/> with the feed (and the feed in groups) on, and no E-mail feature: what
/// reaches whom, decided by departments, sites, groups and the directory.
/// </summary>
public abstract class AudiencesTenant(DatabaseProvider provider) : GroupsTenant(provider)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        foreach (var feature in new[] { "InternalSocial.Feed", "InternalSocial.Feed.Groups" })
        {
            await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>A person holding one role, with an API client (the token made directly: the sign-in API is rate limited).</summary>
    public async Task<(string Id, HttpClient Client)> CreatePersonAsync(string userName, string role)
    {
        var (id, token) = await InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = userName, Email = $"{userName}@{Name}.test", DisplayName = userName, EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            var token = await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(user.Id, "tests", null, CancellationToken.None);
            return (user.Id, token.Token);
        });
        var client = Host.CreateClient(Prefix);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (id, client);
    }

    /// <summary>Runs <paramref name="work"/> in a scope of the tenant's services.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        return await shell.InScopeAsync(work);
    }

    /// <summary>A group of <paramref name="owner"/> with these members (invited, and accepted).</summary>
    public async Task<long> GroupAsync(string owner, string name, string visibility, params string[] members)
    {
        var id = (await CreateGroupAsync(owner, new { name, visibility })).GetProperty("id").GetInt64();
        foreach (var member in members)
        {
            await AddMemberAsync(owner, id, member);
        }

        return id;
    }

    /// <summary>Publishes a post and returns its id.</summary>
    public static async Task<long> PostAsync(HttpClient author, object body) =>
        (await (await author.PostAsJsonAsync("api/v1/posts", body)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>The ids of the first page of the reader's home feed (pinned posts included).</summary>
    public static async Task<List<long>> HomeAsync(HttpClient reader)
    {
        var page = await (await reader.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK);
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        if (page.TryGetProperty("pinned", out var pinned) && pinned.ValueKind == JsonValueKind.Array)
        {
            ids.AddRange(pinned.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        }

        return ids;
    }
}

public sealed class AudiencesSqliteTenant() : AudiencesTenant(DatabaseProvider.Sqlite);

public sealed class AudiencesPostgresTenant() : AudiencesTenant(DatabaseProvider.Postgres);
