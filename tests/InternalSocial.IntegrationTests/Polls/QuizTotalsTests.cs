using System.Net;
using InternalSocial.IntegrationTests.Infrastructure;
using static InternalSocial.IntegrationTests.Polls.QuizRequests;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A quiz's results and leaderboard are kept at each attempt, not counted at each read: they stay right under
/// submissions at once, and the leaderboard pages by cursor.
/// </summary>
public abstract class QuizTotalsTests(PollsTenant tenant)
{
    [SkippableFact]
    public async Task Results_stay_right_after_submissions_at_once()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateAsync(tenant.Author, SafetyQuiz("Submitted at once", passMark: 100));
        var people = await tenant.PeopleAsync("atonce", 6);
        // Two at once first, then the rest at once: the even ones all right, the odd ones wrong on the first question.
        var answers = await Task.WhenAll(people.Select((p, i) => AnswersAsync(p.Client, id, firstRight: i % 2 == 0)));
        foreach (var batch in new[] { Enumerable.Range(0, 2), Enumerable.Range(2, 4) })
        {
            await Task.WhenAll(batch.Select(async i => await (await SubmitAsync(people[i].Client, id, answers[i])).ExpectJsonAsync(HttpStatusCode.OK)));
        }

        // The first person again: a second attempt counts as an attempt, not a person, and not a second pass.
        await (await SubmitAsync(people[0].Client, id, answers[0])).ExpectJsonAsync(HttpStatusCode.OK);

        var results = await (await tenant.Author.GetAsync($"api/v1/quizzes/{id}/results")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal((7, 6, 3), (results.GetProperty("attempts").GetInt32(), results.GetProperty("people").GetInt32(), results.GetProperty("peoplePassed").GetInt32()));
        Assert.Equal(50.0, results.GetProperty("passRate").GetDouble());
        // Four right attempts out of seven score 100, three score 50.
        Assert.Equal(78.6, results.GetProperty("averagePercent").GetDouble());
        var questions = results.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal([(7, 4), (7, 7)], questions.Select(q => (q.GetProperty("answered").GetInt32(), q.GetProperty("correct").GetInt32())));
    }

    [SkippableFact]
    public async Task The_leaderboard_pages_by_cursor_with_places_that_follow_on()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateAsync(tenant.Author, SafetyQuiz("Paged board", passMark: 50, leaderboard: true));
        var people = await tenant.PeopleAsync("paged", 5);
        try
        {
            for (var i = 0; i < people.Count; i++)
            {
                // The first two half right, the others all right; each a minute after the one before.
                var client = people[i].Client;
                await (await SubmitAsync(client, id, await AnswersAsync(client, id, firstRight: i >= 2), showOnLeaderboard: true)).ExpectJsonAsync(HttpStatusCode.OK);
                tenant.Host.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }

        var seen = new List<(int Rank, string Name)>();
        var next = $"api/v1/quizzes/{id}/leaderboard?take=2";
        var pages = 0;
        while (next is not null)
        {
            var response = await tenant.Other.GetAsync(next);
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<', '/') : null;
            var page = await response.ExpectJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.EnumerateArray().Select(e => (e.GetProperty("rank").GetInt32(), e.GetProperty("userName").GetString()!)));
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal([(1, "paged2"), (2, "paged3"), (3, "paged4"), (4, "paged0"), (5, "paged1")], seen);
        await (await tenant.Other.GetAsync($"api/v1/quizzes/{id}/leaderboard?after=nonsense")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Other.GetAsync($"api/v1/quizzes/{id}/leaderboard?take=0")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }
}

[Collection(WebCollection.Name)]
public sealed class QuizTotalsTestsOnSqlite(PollsSqliteTenant tenant) : QuizTotalsTests(tenant), IClassFixture<PollsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class QuizTotalsTestsOnPostgres(PollsPostgresTenant tenant) : QuizTotalsTests(tenant), IClassFixture<PollsPostgresTenant>;
