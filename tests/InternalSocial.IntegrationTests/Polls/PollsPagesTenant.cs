using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Feed;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A tenant with Polls, its notifications and workflow bridges, and the probe's workflow activities; helpers to create a
/// poll and read its options through the API.
/// </summary>
public abstract class PollsPagesTenant(DatabaseProvider provider) : FeedTenant(provider)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        foreach (var feature in new[] { "InternalSocial.Polls", "InternalSocial.Polls.Notifications", "InternalSocial.Polls.Workflows", "InternalSocial.Probe.Workflows" })
        {
            await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>Creates a poll as <paramref name="author"/> (the administrator when null); returns its id and option ids in order.</summary>
    public async Task<(long Id, long[] Options)> CreatePollAsync(string question, string resultsVisibility = "always", bool anonymous = false, HttpClient? author = null)
    {
        var client = author ?? Admin;
        var created = await (await client.PostAsJsonAsync("api/v1/polls", new { question, options = new[] { "Tuesday", "Thursday", "Friday" }, anonymous, resultsVisibility }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var poll = await (await client.GetAsync($"api/v1/polls/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        return (id, [.. poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt64())]);
    }

    public static async Task VoteAsync(HttpClient client, long pollId, long option) =>
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"api/v1/polls/{pollId}/votes", new { choices = new[] { option } })).StatusCode);

    public static async Task<JsonElement> JsonAsync(HttpClient client, string url) => await (await client.GetAsync(url)).ExpectJsonAsync(HttpStatusCode.OK);
}

public sealed class PollsPagesSqliteTenant() : PollsPagesTenant(DatabaseProvider.Sqlite);

public sealed class PollsPagesPostgresTenant() : PollsPagesTenant(DatabaseProvider.Postgres);
