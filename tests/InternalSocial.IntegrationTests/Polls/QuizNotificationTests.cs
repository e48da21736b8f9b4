using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Polls.Services;
using Microsoft.Extensions.DependencyInjection;
using static InternalSocial.IntegrationTests.Polls.QuizRequests;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A new quiz in a group is told to its members, never to its author nor outsiders; a quiz's close, by hand or by its
/// deadline, tells those who took it once and raises <c>polls.closed</c> once, even with two closes at the same instant.
/// </summary>
public abstract class QuizNotificationTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task A_new_quiz_in_a_group_is_told_to_its_members_only()
    {
        await EnableAsync();
        var groupId = await GroupAsync();
        var title = "Fire drill " + Guid.NewGuid().ToString("N")[..6];
        var quizId = await CreateAsync(tenant.Client("owner"), SafetyQuiz(title, groupId: groupId));

        var notification = Assert.Single(await NotificationsAsync("member"), n => n.GetProperty("kind").GetString() == "quizzes.new" && n.GetProperty("url").GetString() == $"/quizzes/{quizId}");
        Assert.Equal($"New quiz in your group: {title}", notification.GetProperty("title").GetString());
        Assert.EndsWith($"/quizzes/{quizId}", notification.GetProperty("url").GetString(), StringComparison.Ordinal);
        foreach (var other in new[] { "owner", "outsider" })
        {
            Assert.DoesNotContain(await NotificationsAsync(other), n => n.GetProperty("url").GetString() == $"/quizzes/{quizId}");
        }
    }

    [SkippableFact]
    public async Task A_quiz_closed_by_hand_twice_at_once_is_announced_once_to_those_who_took_it()
    {
        await EnableAsync();
        var groupId = await GroupAsync();
        var title = "Closed by hand " + Guid.NewGuid().ToString("N")[..6];
        var workflowId = await PollClosedProbe.CreateAsync(tenant.Admin, title);
        var quizId = await CreateAsync(tenant.Client("owner"), SafetyQuiz(title, groupId: groupId));
        await (await SubmitAsync(tenant.Client("member"), quizId, await AnswersAsync(tenant.Client("member"), quizId))).ExpectJsonAsync(HttpStatusCode.OK);

        var closes = await Task.WhenAll(tenant.Client("owner").PostAsync($"api/v1/quizzes/{quizId}/close", null), tenant.Client("owner").PostAsync($"api/v1/quizzes/{quizId}/close", null));
        Assert.Contains(closes, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(closes, r => Assert.True(r.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Conflict, r.StatusCode.ToString()));

        Assert.Single(await NotificationsAsync("member"), n => n.GetProperty("kind").GetString() == "quizzes.results" && n.GetProperty("url").GetString() == $"/quizzes/{quizId}");
        Assert.DoesNotContain(await NotificationsAsync("owner"), n => n.GetProperty("url").GetString() == $"/quizzes/{quizId}");
        var instance = Assert.Single(await PollClosedProbe.FinishedAsync(tenant.Admin, workflowId));
        var detail = await (await tenant.Admin.GetAsync($"api/v1/workflows/instances/{instance.GetProperty("id").GetString()}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, detail.GetProperty("variables").GetProperty("poll.participantCount").GetInt32());
    }

    [SkippableFact]
    public async Task A_quiz_past_its_deadline_is_announced_once_whichever_node_runs_the_task()
    {
        await EnableAsync();
        var groupId = await GroupAsync();
        var title = "Deadline " + Guid.NewGuid().ToString("N")[..6];
        var workflowId = await PollClosedProbe.CreateAsync(tenant.Admin, title);
        var quiz = JsonSerializer.SerializeToNode(SafetyQuiz(title, groupId: groupId))!.AsObject();
        quiz["closesAt"] = tenant.Host.Clock.GetUtcNow().AddMinutes(30);
        var quizId = await CreateAsync(tenant.Client("owner"), quiz);
        await (await SubmitAsync(tenant.Client("member"), quizId, await AnswersAsync(tenant.Client("member"), quizId, firstRight: false))).ExpectJsonAsync(HttpStatusCode.OK);

        tenant.Host.Clock.Advance(TimeSpan.FromHours(1));
        try
        {
            await Task.WhenAll(RunDeadlineTaskAsync(), RunDeadlineTaskAsync());
            await RunDeadlineTaskAsync();
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }

        Assert.True((await GetAsync(tenant.Client("member"), quizId)).GetProperty("closed").GetBoolean());
        Assert.Single(await NotificationsAsync("member"), n => n.GetProperty("kind").GetString() == "quizzes.results" && n.GetProperty("url").GetString() == $"/quizzes/{quizId}");
        Assert.Single(await PollClosedProbe.FinishedAsync(tenant.Admin, workflowId));
    }

    private async Task EnableAsync()
    {
        tenant.SkipIfUnavailable();
        foreach (var feature in new[] { "InternalSocial.Notifications", "InternalSocial.Polls.Notifications", "InternalSocial.Polls.Workflows", "InternalSocial.Probe.Workflows" })
        {
            await (await tenant.Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }

    private async Task<long> GroupAsync()
    {
        var groupId = (await tenant.CreateGroupAsync("owner", new { name = "Quizzed " + Guid.NewGuid().ToString("N")[..6], visibility = "private" })).GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", groupId, "member");
        return groupId;
    }

    private async Task RunDeadlineTaskAsync()
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            await services.GetServices<IBackgroundTask>().OfType<PollDeadlineTask>().Single().RunAsync(CancellationToken.None);
            return true;
        });
    }

    private async Task<List<JsonElement>> NotificationsAsync(string userName) =>
        [.. (await (await tenant.Client(userName).GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
}

[Collection(WebCollection.Name)]
public sealed class QuizNotificationSqliteTests(PollsBridgeSqliteTenant tenant) : QuizNotificationTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class QuizNotificationPostgresTests(PollsBridgePostgresTenant tenant) : QuizNotificationTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
