using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using static InternalSocial.IntegrationTests.Polls.QuizRequests;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// Quizzes in groups and posts follow the polls' container rules: one in a secret group does not exist for those outside
/// it, by any route. In an announcement to acknowledge, passing acknowledges it when the author asked; failing does not.
/// </summary>
public abstract class QuizContainerTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task A_quiz_in_a_secret_group_answers_404_to_non_members_on_every_route()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Quiz room " + Guid.NewGuid().ToString("N")[..6], visibility = "secret" });
        var groupId = group.GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", groupId, "member");
        var quizId = await CreateAsync(tenant.Client("owner"), SafetyQuiz("Secret procedure", groupId: groupId, leaderboard: true));
        var answers = await AnswersAsync(tenant.Client("member"), quizId);

        Func<HttpClient, Task<HttpResponseMessage>>[] routes =
        [
            c => c.GetAsync($"api/v1/quizzes/{quizId}"),
            c => c.PostAsJsonAsync($"api/v1/quizzes/{quizId}/attempts", new { answers }),
            c => c.GetAsync($"api/v1/quizzes/{quizId}/attempts"),
            c => c.GetAsync($"api/v1/quizzes/{quizId}/leaderboard"),
            c => c.GetAsync($"api/v1/quizzes/{quizId}/results"),
            c => c.GetAsync($"api/v1/quizzes/{quizId}/results.csv"),
            c => c.PostAsync($"api/v1/quizzes/{quizId}/close", null),
            c => c.PostAsJsonAsync($"api/v1/quizzes/{quizId}/reopen", new { }),
            c => c.DeleteAsync($"api/v1/quizzes/{quizId}"),
            c => c.GetAsync($"quizzes/{quizId}"),
            c => c.GetAsync($"quizzes/{quizId}/results"),
        ];
        foreach (var person in new[] { "outsider", "guest" })
        {
            for (var i = 0; i < routes.Length; i++)
            {
                var response = await routes[i](tenant.Client(person));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{person}, route {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("outsider").PostAsJsonAsync("api/v1/quizzes", SafetyQuiz("Mine", groupId: groupId))).StatusCode);
        await (await tenant.Client("member").PostAsJsonAsync($"api/v1/quizzes/{quizId}/attempts", new { answers })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False((await GetAsync(tenant.Client("member"), quizId)).GetProperty("closed").GetBoolean());
    }

    [SkippableFact]
    public async Task Passing_a_quiz_in_an_announcement_acknowledges_it_and_failing_does_not()
    {
        tenant.SkipIfUnavailable();
        var admin = tenant.Client("admin");
        var announcement = await tenant.PostAsync("admin", new { body = "New evacuation plan " + Guid.NewGuid().ToString("N")[..6], announcement = true, requireAcknowledgement = true });
        var plain = await tenant.PostAsync("admin", new { body = "Just news" });
        // Only an announcement to acknowledge can be acknowledged by a quiz.
        var refused = await (await admin.PostAsJsonAsync("api/v1/quizzes", SafetyQuiz("Plain", postId: plain, passingAcknowledges: true))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("passingAcknowledges", out _));
        var quizId = await CreateAsync(admin, SafetyQuiz("Evacuation quiz", passMark: 100, postId: announcement, passingAcknowledges: true));

        var failed = await (await SubmitAsync(tenant.Client("member"), quizId, await AnswersAsync(tenant.Client("member"), quizId, firstRight: false))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(failed.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(0, (await (await admin.GetAsync($"api/v1/posts/{announcement}/acknowledgements")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("acknowledged").GetInt32());

        var passed = await (await SubmitAsync(tenant.Client("outsider"), quizId, await AnswersAsync(tenant.Client("outsider"), quizId))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(passed.GetProperty("acknowledged").GetBoolean());
        var stats = await (await admin.GetAsync($"api/v1/posts/{announcement}/acknowledgements")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("acknowledged").GetInt32());
        Assert.True((await (await tenant.Client("outsider").GetAsync($"api/v1/posts/{announcement}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("acknowledgedByMe").GetBoolean());
        Assert.False((await (await tenant.Client("member").GetAsync($"api/v1/posts/{announcement}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("acknowledgedByMe").GetBoolean());
    }
}

[Collection(WebCollection.Name)]
public sealed class QuizContainerTestsOnSqlite(PollsBridgeSqliteTenant tenant) : QuizContainerTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class QuizContainerTestsOnPostgres(PollsBridgePostgresTenant tenant) : QuizContainerTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
