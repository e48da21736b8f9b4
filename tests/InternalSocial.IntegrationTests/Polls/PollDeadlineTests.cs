using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Polls.Services;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A poll whose deadline passes is closed by the background task and announced once, as a close by hand is:
/// "results published" to its voters and the <c>polls.closed</c> workflow event, even when several nodes run the task
/// at the same instant.
/// </summary>
public abstract class PollDeadlineTests(PollsPagesTenant tenant)
{
    [SkippableFact]
    public async Task A_poll_past_its_deadline_is_closed_and_announced_once()
    {
        tenant.SkipIfUnavailable();
        var title = "Deadline " + Guid.NewGuid().ToString("N")[..8];
        var workflowId = await PollClosedProbe.CreateAsync(tenant.Admin, title);
        var created = await (await tenant.Admin.PostAsJsonAsync("api/v1/polls", new { question = title, options = new[] { "Early", "Late" }, resultsVisibility = "afterClose", closesAt = DateTimeOffset.UtcNow.AddMinutes(30) }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var option = (await PollsPagesTenant.JsonAsync(tenant.Admin, $"api/v1/polls/{id}")).GetProperty("options")[0].GetProperty("id").GetInt64();
        var (_, voter) = await tenant.CreateMemberAsync($"dl{Guid.NewGuid():N}"[..20], "Employee");
        await PollsPagesTenant.VoteAsync(voter, id, option);

        // Before the deadline the task leaves it alone.
        await tenant.Host.Services.GetRequiredService<BackgroundTaskRunner>().RunDueTasksAsync(CancellationToken.None);
        Assert.Empty(await NotificationsAsync(voter));
        Assert.Empty(await PollClosedProbe.FinishedAsync(tenant.Admin, workflowId));

        tenant.Host.Clock.Advance(TimeSpan.FromHours(1));
        try
        {
            // Two nodes at the same instant: one claims the poll, the other finds it closed.
            await Task.WhenAll(RunTaskAsync(), RunTaskAsync());
            await RunTaskAsync();
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }

        var poll = await PollsPagesTenant.JsonAsync(voter, $"api/v1/polls/{id}");
        Assert.True(poll.GetProperty("closed").GetBoolean());
        var notification = Assert.Single(await NotificationsAsync(voter));
        Assert.Equal("polls.results", notification.GetProperty("kind").GetString());
        Assert.Single(await PollClosedProbe.FinishedAsync(tenant.Admin, workflowId));
    }

    private async Task RunTaskAsync()
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            await services.GetServices<IBackgroundTask>().OfType<PollDeadlineTask>().Single().RunAsync(CancellationToken.None);
            return true;
        });
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client) =>
        [.. (await PollsPagesTenant.JsonAsync(client, "api/v1/notifications")).GetProperty("items").EnumerateArray()];
}

[Collection(WebCollection.Name)]
public sealed class PollDeadlineSqliteTests(PollsPagesSqliteTenant tenant) : PollDeadlineTests(tenant), IClassFixture<PollsPagesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollDeadlinePostgresTests(PollsPagesPostgresTenant tenant) : PollDeadlineTests(tenant), IClassFixture<PollsPagesPostgresTenant>;
