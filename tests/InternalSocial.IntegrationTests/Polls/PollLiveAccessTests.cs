using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A live connection receives a poll's counts only while its person may see them: someone who leaves the poll's
/// group stops receiving them at the next vote, though their connection stays open.
/// </summary>
public abstract class PollLiveAccessTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task A_member_who_leaves_the_group_receives_no_more_counts()
    {
        tenant.SkipIfUnavailable();
        var groupId = (await tenant.CreateGroupAsync("owner", new { name = "Live " + Guid.NewGuid().ToString("N")[..6], visibility = "private" })).GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", groupId, "member");
        await tenant.AddMemberAsync("owner", groupId, "groupadmin");
        var pollId = await tenant.CreatePollAsync("owner", new { question = "Which room?", options = new[] { "Blue", "Green" }, groupId, resultsVisibility = "always" });
        var options = (await tenant.PollAsync("owner", pollId)).GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToArray();

        await using var leaver = await HubClients.ConnectAsync(tenant.Host, tenant.Client("member"), "hubs/polls");
        await using var stayer = await HubClients.ConnectAsync(tenant.Host, tenant.Client("groupadmin"), "hubs/polls");
        var toLeaver = Listen(leaver);
        var toStayer = Listen(stayer);
        Assert.NotNull(await leaver.InvokeAsync<JsonElement?>("Join", pollId));
        Assert.NotNull(await stayer.InvokeAsync<JsonElement?>("Join", pollId));

        // While a member, the counts come.
        await VoteAsync("owner", pollId, options[0]);
        Assert.Equal(1, (await ReadAsync(toLeaver)).GetProperty("participants").GetInt32());
        Assert.Equal(1, (await ReadAsync(toStayer)).GetProperty("participants").GetInt32());

        await (await tenant.Client("member").PostAsync($"api/v1/groups/{groupId}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await VoteAsync("groupadmin", pollId, options[1]);
        Assert.Equal(2, (await ReadAsync(toStayer)).GetProperty("participants").GetInt32());
        await Task.Delay(500);
        Assert.False(toLeaver.Reader.TryRead(out _));

        // Nor later, nor by joining again.
        await VoteAsync("owner", pollId, options[1]);
        Assert.Equal(2, (await ReadAsync(toStayer)).GetProperty("options")[1].GetProperty("votes").GetInt32());
        await Task.Delay(500);
        Assert.False(toLeaver.Reader.TryRead(out _));
        await Assert.ThrowsAsync<HubException>(() => leaver.InvokeAsync<JsonElement?>("Join", pollId));
    }

    private static Channel<JsonElement> Listen(HubConnection connection)
    {
        var received = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("results", message => received.Writer.TryWrite(message));
        return received;
    }

    private async Task VoteAsync(string userName, long pollId, long option) =>
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Client(userName).PostAsJsonAsync($"api/v1/polls/{pollId}/votes", new { choices = new[] { option } })).StatusCode);

    private static async Task<JsonElement> ReadAsync(Channel<JsonElement> channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}

[Collection(WebCollection.Name)]
public sealed class PollLiveAccessSqliteTests(PollsBridgeSqliteTenant tenant) : PollLiveAccessTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollLiveAccessPostgresTests(PollsBridgePostgresTenant tenant) : PollLiveAccessTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
