using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// What happens around a vote and a close: live counts on the hub only for those who may see them (a reader of hidden
/// results receives nothing, a non-reader cannot join), "results published" to voters when results waited for the
/// close (and never a notification about a vote), and the workflow event <c>polls.closed</c> without any voter in it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PollLiveAndBridgesTests(PollsPagesSqliteTenant tenant) : IClassFixture<PollsPagesSqliteTenant>
{
    [Fact]
    public async Task Live_counts_reach_those_who_see_the_results_and_nobody_else()
    {
        var (openId, openOptions) = await tenant.CreatePollAsync("Live, always shown");
        var (hiddenId, hiddenOptions) = await tenant.CreatePollAsync("Live, shown after the close", resultsVisibility: "afterClose");
        var (_, watcher) = await tenant.CreateMemberAsync($"watch{Guid.NewGuid():N}"[..20], "Employee");
        var (_, voter) = await tenant.CreateMemberAsync($"live{Guid.NewGuid():N}"[..20], "Employee");

        await using var reader = await ConnectAsync(watcher);
        var received = Channel.CreateUnbounded<JsonElement>();
        reader.On<JsonElement>("results", message => received.Writer.TryWrite(message));
        Assert.Null(await reader.InvokeAsync<JsonElement?>("Join", hiddenId));
        var joined = await reader.InvokeAsync<JsonElement>("Join", openId);
        Assert.Equal(0, joined.GetProperty("participants").GetInt32());

        // The author sees the hidden results, so joins that poll's group: the control that a message was sent at all.
        await using var author = await ConnectAsync(tenant.Admin);
        var authorReceived = Channel.CreateUnbounded<JsonElement>();
        author.On<JsonElement>("results", message => authorReceived.Writer.TryWrite(message));
        Assert.NotNull(await author.InvokeAsync<JsonElement?>("Join", hiddenId));

        await PollsPagesTenant.VoteAsync(voter, hiddenId, hiddenOptions[0]);
        var toAuthor = await ReadAsync(authorReceived);
        Assert.Equal(hiddenId, toAuthor.GetProperty("pollId").GetInt64());
        Assert.Equal(1, toAuthor.GetProperty("participants").GetInt32());

        await PollsPagesTenant.VoteAsync(voter, openId, openOptions[1]);
        var counts = await ReadAsync(received);
        Assert.Equal(openId, counts.GetProperty("pollId").GetInt64());
        Assert.Equal(1, counts.GetProperty("options")[1].GetProperty("votes").GetInt32());
        Assert.Equal(100, counts.GetProperty("options")[1].GetProperty("percent").GetDouble());
        // Counts only: the message has no field that could say who voted.
        Assert.Equal(["pollId", "participants", "options"], counts.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "votes", "percent"], counts.GetProperty("options")[0].EnumerateObject().Select(p => p.Name));
        // The hidden poll's vote came first, and the watcher got only the open poll's counts.
        Assert.False(received.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_person_who_may_not_read_the_poll_cannot_join_it_nor_an_anonymous_visitor_connect()
    {
        // A poll in a group with no Groups bridge on: nobody may read it, as a secret group's poll for an outsider.
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        var unreadable = await shell.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PollsDbContext>();
            var poll = new Poll { Title = "Secret", AuthorId = "nobody", ContainerKind = ContainerKinds.Group, ContainerId = 424242, CreatedUtc = DateTime.UtcNow };
            db.Polls.Add(poll);
            await db.SaveChangesAsync();
            return poll.Id;
        });
        var (_, outsider) = await tenant.CreateMemberAsync($"out{Guid.NewGuid():N}"[..20], "Employee");
        await using var connection = await ConnectAsync(outsider);
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement?>("Join", unreadable));
        Assert.Contains("No such poll", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement?>("Join", unreadable + 1000));

        var anonymous = new HubConnectionBuilder()
            .WithUrl(new Uri(tenant.Admin.BaseAddress!, "hubs/polls"), options =>
            {
                options.HttpMessageHandlerFactory = _ => tenant.Host.Factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        // Refused before any hub method: the sign-in challenge (a redirect to the sign-in page).
        var failed = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.True(failed.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Found, $"Answered {failed.StatusCode}.");
    }

    [Fact]
    public async Task Closing_a_poll_whose_results_waited_tells_its_voters_and_no_vote_is_ever_announced()
    {
        var (id, options) = await tenant.CreatePollAsync("Which seminar date?", resultsVisibility: "afterClose");
        var (_, first) = await tenant.CreateMemberAsync($"first{Guid.NewGuid():N}"[..20], "Employee");
        var (_, second) = await tenant.CreateMemberAsync($"second{Guid.NewGuid():N}"[..20], "Employee");
        var (_, bystander) = await tenant.CreateMemberAsync($"by{Guid.NewGuid():N}"[..20], "Employee");
        await PollsPagesTenant.VoteAsync(first, id, options[0]);
        await PollsPagesTenant.VoteAsync(second, id, options[1]);
        Assert.Empty(await NotificationsAsync(tenant.Admin));

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.PostAsync($"api/v1/polls/{id}/close", null)).StatusCode);
        foreach (var voter in new[] { first, second })
        {
            var notification = Assert.Single(await NotificationsAsync(voter));
            Assert.Equal("polls.results", notification.GetProperty("kind").GetString());
            Assert.Equal("The results of \"Which seminar date?\" are published", notification.GetProperty("title").GetString());
            Assert.EndsWith($"/polls/{id}", notification.GetProperty("url").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(await NotificationsAsync(bystander));
        Assert.Empty(await NotificationsAsync(tenant.Admin));

        // Results that were always shown are not "published" by the close.
        var (always, alwaysOptions) = await tenant.CreatePollAsync("Always shown", resultsVisibility: "always");
        var (_, third) = await tenant.CreateMemberAsync($"third{Guid.NewGuid():N}"[..20], "Employee");
        await PollsPagesTenant.VoteAsync(third, always, alwaysOptions[0]);
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.PostAsync($"api/v1/polls/{always}/close", null)).StatusCode);
        Assert.Empty(await NotificationsAsync(third));
    }

    [Fact]
    public async Task A_workflow_starts_on_polls_closed_with_the_poll_and_its_count_and_no_voter()
    {
        var workflow = new JsonObject
        {
            ["id"] = "on-poll-closed",
            ["name"] = "Share closed polls",
            ["start"] = "start",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "polls.closed", ["properties"] = new JsonObject { ["condition"] = new JsonObject { ["fact"] = "poll.participantCount", ["greaterThan"] = 0 } } },
                new JsonObject { ["id"] = "note", ["type"] = "probe.record", ["properties"] = new JsonObject { ["text"] = "poll closed" } }),
            ["transitions"] = new JsonArray(new JsonObject { ["from"] = "start", ["outcome"] = "done", ["to"] = "note" }),
        };
        await (await tenant.Admin.PostAsJsonAsync("api/v1/workflows", workflow)).ExpectJsonAsync(HttpStatusCode.Created);
        var (id, options) = await tenant.CreatePollAsync("Workflow poll", anonymous: true);
        var (voterId, voter) = await tenant.CreateMemberAsync($"wf{Guid.NewGuid():N}"[..20], "Employee");
        await PollsPagesTenant.VoteAsync(voter, id, options[2]);

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.PostAsync($"api/v1/polls/{id}/close", null)).StatusCode);
        var instance = Assert.Single((await PollsPagesTenant.JsonAsync(tenant.Admin, "api/v1/workflows/on-poll-closed/instances?status=Finished")).EnumerateArray());
        var detail = await PollsPagesTenant.JsonAsync(tenant.Admin, $"api/v1/workflows/instances/{instance.GetProperty("id").GetString()}");
        var text = detail.GetRawText();
        Assert.Contains("\"Workflow poll\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"{id}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(voterId, text, StringComparison.Ordinal);
        var facts = detail.GetProperty("variables");
        Assert.Equal(1, facts.GetProperty("poll.participantCount").GetInt32());
        Assert.Contains("poll closed:", (await PollsPagesTenant.JsonAsync(tenant.Admin, "probe/notes")).EnumerateArray().Select(n => n.GetString()));

        // A poll nobody answered does not meet the start condition.
        var (empty, _) = await tenant.CreatePollAsync("Nobody answered");
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.PostAsync($"api/v1/polls/{empty}/close", null)).StatusCode);
        Assert.Single((await PollsPagesTenant.JsonAsync(tenant.Admin, "api/v1/workflows/on-poll-closed/instances?status=Finished")).EnumerateArray());
    }

    private Task<HubConnection> ConnectAsync(HttpClient client) => HubClients.ConnectAsync(tenant.Host, client, "hubs/polls");

    private static async Task<JsonElement> ReadAsync(Channel<JsonElement> channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client) =>
        [.. (await PollsPagesTenant.JsonAsync(client, "api/v1/notifications")).GetProperty("items").EnumerateArray()];
}
