using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>A page of polls costs a fixed number of queries: twenty polls cost what five do.</summary>
public abstract class PollListQueriesTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task A_page_of_polls_runs_as_many_queries_whatever_its_size()
    {
        tenant.SkipIfUnavailable();
        var small = await GroupWithPollsAsync(3);
        var large = await GroupWithPollsAsync(21);

        await tenant.SetProbeAsync(true);
        try
        {
            await CountAsync(small, 3);
            var (three, threeCommands) = await CountAsync(small, 3);
            var (twenty, twentyCommands) = await CountAsync(large, 20);
            Assert.True(three == twenty, $"3 polls: {three} commands, 20 polls: {twenty}.\n{string.Join("\n", twentyCommands)}");
            Assert.True(twenty <= 12, string.Join("\n", threeCommands));
        }
        finally
        {
            await tenant.SetProbeAsync(false);
        }
    }

    /// <summary>A group with that many polls, of each results rule, the member having voted (with an "other" answer) in some.</summary>
    private async Task<long> GroupWithPollsAsync(int count)
    {
        var groupId = (await tenant.CreateGroupAsync("owner", new { name = "Counted polls " + Guid.NewGuid().ToString("N")[..6], visibility = "public" })).GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", groupId, "member");
        for (var i = 0; i < count; i++)
        {
            var id = await tenant.CreatePollAsync("owner", new { question = $"Counted {i}?", options = new[] { "a", "b", "c" }, groupId, allowOther = true, resultsVisibility = i % 2 == 0 ? "always" : "afterVote" });
            if (i % 3 == 0)
            {
                var option = (await tenant.PollAsync("member", id)).GetProperty("options")[i % 3].GetProperty("id").GetInt64();
                (await tenant.Client("member").PostAsJsonAsync($"api/v1/polls/{id}/votes", new { choices = new[] { option }, other = i % 2 == 0 ? "mine" : null })).EnsureSuccessStatusCode();
            }
        }

        return groupId;
    }

    private async Task<(int Count, IReadOnlyList<string> Commands)> CountAsync(long groupId, int expected)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/polls?groupId={groupId}");
        request.Headers.Add(QueryCounter.Header, id);
        var page = await (await tenant.Client("member").SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(expected, page.GetProperty("polls").GetArrayLength());
        return (QueryCounter.Get(id), QueryCounter.Commands(id));
    }
}

[Collection(WebCollection.Name)]
public sealed class PollListQueriesSqliteTests(PollsBridgeSqliteTenant tenant) : PollListQueriesTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollListQueriesPostgresTests(PollsBridgePostgresTenant tenant) : PollListQueriesTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
