using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Polls.Services;
using InternalSocial.Polls.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A survey's close is announced once: both background tasks see its closing time pass (the polls' deadline task and
/// the surveys' rounds task), several nodes run them at the same instant, and a close by hand may come first. Each
/// respondent gets one "results published" and one <c>polls.closed</c> workflow instance starts.
/// </summary>
public abstract class SurveyCloseTests(PollsPagesTenant tenant)
{
    [SkippableFact]
    public async Task A_survey_past_its_closing_time_is_announced_once_whichever_task_runs()
    {
        tenant.SkipIfUnavailable();
        var (id, title, respondents) = await AnsweredSurveyAsync();
        var workflowId = await PollClosedProbe.CreateAsync(tenant.Admin, title);

        tenant.Host.Clock.Advance(TimeSpan.FromHours(1));
        try
        {
            await Task.WhenAll(RunTasksAsync(), RunTasksAsync());
            await RunTasksAsync();
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }

        await AssertAnnouncedOnceAsync(id, workflowId, respondents);
    }

    [SkippableFact]
    public async Task A_survey_closed_by_hand_twice_at_once_is_not_announced_again_when_its_closing_time_passes()
    {
        tenant.SkipIfUnavailable();
        var (id, title, respondents) = await AnsweredSurveyAsync();
        var workflowId = await PollClosedProbe.CreateAsync(tenant.Admin, title);
        // Two closes at the same instant: one closes and announces, the other finds it closed.
        var closes = await Task.WhenAll(tenant.Admin.PostAsync($"api/v1/surveys/{id}/close", null), tenant.Admin.PostAsync($"api/v1/surveys/{id}/close", null));
        Assert.Contains(closes, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(closes, r => Assert.True(r.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Conflict, r.StatusCode.ToString()));

        tenant.Host.Clock.Advance(TimeSpan.FromHours(1));
        try
        {
            await Task.WhenAll(RunTasksAsync(), RunTasksAsync());
            await RunTasksAsync();
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }

        await AssertAnnouncedOnceAsync(id, workflowId, respondents);
    }

    private async Task<(long Id, string Title, List<HttpClient> Respondents)> AnsweredSurveyAsync()
    {
        var title = "Close " + Guid.NewGuid().ToString("N")[..8];
        var created = await (await tenant.Admin.PostAsJsonAsync("api/v1/surveys", new
        {
            title,
            anonymous = true,
            resultsVisibility = "afterClose",
            closesAt = tenant.Host.Clock.GetUtcNow().AddMinutes(30),
            questions = new object[] { new { text = "Coffee or tea?", kind = "single", required = true, options = new[] { "Coffee", "Tea" } } },
        })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var respondents = new List<HttpClient>();
        for (var i = 0; i < 2; i++)
        {
            var (_, client) = await tenant.CreateMemberAsync($"sc{Guid.NewGuid():N}"[..20], "Employee");
            var survey = await PollsPagesTenant.JsonAsync(client, $"api/v1/surveys/{id}");
            var question = survey.GetProperty("questions")[0];
            var answers = new Dictionary<string, object> { [question.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)] = question.GetProperty("options")[i].GetProperty("id").GetInt64() };
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"api/v1/surveys/{id}/responses", new { answers })).StatusCode);
            respondents.Add(client);
        }

        return (id, title, respondents);
    }

    private async Task AssertAnnouncedOnceAsync(long id, string workflowId, List<HttpClient> respondents)
    {
        foreach (var client in respondents)
        {
            var about = (await NotificationsAsync(client)).Where(n => n.GetProperty("url").GetString() == $"/surveys/{id}" || n.GetProperty("url").GetString() == $"/polls/{id}").ToList();
            var only = Assert.Single(about);
            Assert.Equal("surveys.results", only.GetProperty("kind").GetString());
        }

        Assert.Single(await PollClosedProbe.FinishedAsync(tenant.Admin, workflowId));
    }

    /// <summary>Both tasks that see a closing time pass, in one node's scope, as the background runner runs them.</summary>
    private async Task RunTasksAsync()
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var tasks = services.GetServices<IBackgroundTask>().ToList();
            await tasks.OfType<PollDeadlineTask>().Single().RunAsync(CancellationToken.None);
            await tasks.OfType<SurveyRoundsTask>().Single().RunAsync(CancellationToken.None);
            return true;
        });
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client) =>
        [.. (await PollsPagesTenant.JsonAsync(client, "api/v1/notifications")).GetProperty("items").EnumerateArray()];
}

[Collection(WebCollection.Name)]
public sealed class SurveyCloseSqliteTests(PollsPagesSqliteTenant tenant) : SurveyCloseTests(tenant), IClassFixture<PollsPagesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SurveyClosePostgresTests(PollsPagesPostgresTenant tenant) : SurveyCloseTests(tenant), IClassFixture<PollsPagesPostgresTenant>;
