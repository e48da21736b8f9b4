using System.Net;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using static InternalSocial.IntegrationTests.Polls.QuizRequests;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>The list of quizzes costs a fixed number of queries: twenty quizzes cost what four do.</summary>
public abstract class QuizListQueriesTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task The_list_of_quizzes_runs_as_many_queries_whatever_its_length()
    {
        tenant.SkipIfUnavailable();
        var groupId = (await tenant.CreateGroupAsync("owner", new { name = "Counted quizzes " + Guid.NewGuid().ToString("N")[..6], visibility = "public" })).GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", groupId, "member");
        await AddQuizzesAsync(groupId, 3);
        await CreateAsync(tenant.Client("owner"), SafetyQuiz("Standalone quiz"));

        await tenant.SetProbeAsync(true);
        try
        {
            await CountAsync(4);
            var (four, fourCommands) = await CountAsync(4);
            await AddQuizzesAsync(groupId, 16);
            var (twenty, twentyCommands) = await CountAsync(20);
            Assert.True(four == twenty, $"4 quizzes: {four} commands, 20 quizzes: {twenty}.\n{string.Join("\n", twentyCommands)}");
            Assert.True(twenty <= 14, string.Join("\n", fourCommands));
        }
        finally
        {
            await tenant.SetProbeAsync(false);
        }
    }

    /// <summary>That many quizzes in the group, the member having tried every other one.</summary>
    private async Task AddQuizzesAsync(long groupId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = await CreateAsync(tenant.Client("owner"), SafetyQuiz($"Counted quiz {i}", groupId: groupId));
            if (i % 2 == 0)
            {
                var member = tenant.Client("member");
                (await SubmitAsync(member, id, await AnswersAsync(member, id))).EnsureSuccessStatusCode();
            }
        }
    }

    private async Task<(int Count, IReadOnlyList<string> Commands)> CountAsync(int expected)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/quizzes");
        request.Headers.Add(QueryCounter.Header, id);
        var list = await (await tenant.Client("member").SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(expected, list.GetProperty("quizzes").GetArrayLength());
        return (QueryCounter.Get(id), QueryCounter.Commands(id));
    }
}

[Collection(WebCollection.Name)]
public sealed class QuizListQueriesSqliteTests(PollsBridgeSqliteTenant tenant) : QuizListQueriesTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class QuizListQueriesPostgresTests(PollsBridgePostgresTenant tenant) : QuizListQueriesTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
