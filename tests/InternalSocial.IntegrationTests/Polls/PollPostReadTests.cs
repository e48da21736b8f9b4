using System.Net.Http.Json;
using InternalSocial.Feed.Services;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A poll in a post is checked against the post without reading the post: opening the poll records no view of it
/// (the post's statistics count those who read the post, not those who answered its poll).
/// </summary>
public abstract class PollPostReadTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task Reading_a_poll_in_a_post_records_no_view_of_the_post()
    {
        tenant.SkipIfUnavailable();
        var postId = await tenant.PostAsync("owner", new { body = "Seminar dates " + Guid.NewGuid().ToString("N")[..6] });
        var pollId = await tenant.CreatePollAsync("owner", new { question = "Which date?", options = new[] { "Monday", "Friday" }, postId });
        var (reader, readerId) = (tenant.Client("member"), tenant.IdOf("member"));

        var poll = await (await reader.GetAsync($"api/v1/polls/{pollId}")).ExpectJsonAsync(System.Net.HttpStatusCode.OK);
        var optionId = poll.GetProperty("options")[0].GetProperty("id").GetInt64();
        (await reader.PostAsJsonAsync($"api/v1/polls/{pollId}/votes", new { choices = new[] { optionId } })).EnsureSuccessStatusCode();
        (await reader.GetAsync($"api/v1/polls/{pollId}/results")).EnsureSuccessStatusCode();
        await FlushViewsAsync();
        Assert.Equal(0, await ViewsAsync(postId, readerId));

        // The same person opening the post is counted: the check above would have seen it.
        (await reader.GetAsync($"api/v1/posts/{postId}")).EnsureSuccessStatusCode();
        await FlushViewsAsync();
        Assert.Equal(1, await ViewsAsync(postId, readerId));
    }

    /// <summary>Writes the queued views now, as the feed's background task does every minute.</summary>
    private async Task FlushViewsAsync()
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            await services.GetServices<IBackgroundTask>().Single(t => t.GetType().Name == "ViewFlushTask").RunAsync(CancellationToken.None);
            return true;
        });
    }

    private async Task<int> ViewsAsync(long postId, string userId)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(services => services.GetRequiredService<FeedDbContext>().Views.CountAsync(v => v.PostId == postId && v.UserId == userId));
    }
}

[Collection(WebCollection.Name)]
public sealed class PollPostReadSqliteTests(PollsBridgeSqliteTenant tenant) : PollPostReadTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollPostReadPostgresTests(PollsBridgePostgresTenant tenant) : PollPostReadTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
