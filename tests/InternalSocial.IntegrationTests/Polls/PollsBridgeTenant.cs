using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>The groups tenant's people, with the feed, polls and their bridges to the feed and to groups.</summary>
public abstract class PollsBridgeTenant(DatabaseProvider provider) : GroupsTenant(provider)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        foreach (var feature in new[] { "InternalSocial.Feed", "InternalSocial.Feed.Groups", "InternalSocial.Polls.Feed", "InternalSocial.Polls.Groups" })
        {
            await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>
    /// Turns the probe on or off: it counts queries, but with the feed on it also stands in for the groups' post access,
    /// so it is on only while a test counts.
    /// </summary>
    public async Task SetProbeAsync(bool on) =>
        await (await Admin.PostAsync($"api/v1/features/InternalSocial.Probe/{(on ? "enable" : "disable")}", null)).ExpectJsonAsync(HttpStatusCode.OK);

    /// <summary>Creates a poll through the API as <paramref name="userName"/> and returns its id.</summary>
    public async Task<long> CreatePollAsync(string userName, object body) =>
        (await (await Client(userName).PostAsJsonAsync("api/v1/polls", body)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public async Task<JsonElement> PollAsync(string userName, long pollId) =>
        await (await Client(userName).GetAsync($"api/v1/polls/{pollId}")).ExpectJsonAsync(HttpStatusCode.OK);

    public async Task<long> PostAsync(string userName, object body) =>
        (await (await Client(userName).PostAsJsonAsync("api/v1/posts", body)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>Moves a person to another department, as an import or an administrator would.</summary>
    public async Task SetDepartmentAsync(string userName, string department)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<UsersDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            user.Department = department;
            await db.SaveChangesAsync();
            return true;
        });
    }
}

public sealed class PollsBridgeSqliteTenant() : PollsBridgeTenant(DatabaseProvider.Sqlite);

public sealed class PollsBridgePostgresTenant() : PollsBridgeTenant(DatabaseProvider.Postgres);
