using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Polls.QuizRequests;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// Quizzes through the API: scoring, the answers hidden until one has tried, the pass mark and the attempts limit
/// (under concurrent submissions too), the opt-in leaderboard, the author's results and CSV, the 400s naming each field,
/// and a person's attempts in their export, gone at their erasure.
/// </summary>
public abstract class QuizTests(PollsTenant tenant)
{
    [SkippableFact]
    public async Task Correct_answers_are_hidden_before_the_first_attempt_and_shown_with_the_explanations_after()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateAsync(tenant.Author, SafetyQuiz("Fire drill", passMark: 50));
        var before = await GetAsync(tenant.Voter, id);
        Assert.False(before.GetProperty("answersShown").GetBoolean());
        Assert.All(before.GetProperty("questions").EnumerateArray(), q =>
        {
            Assert.False(q.TryGetProperty("correctOptionIds", out _));
            Assert.False(q.TryGetProperty("explanation", out _));
        });
        Assert.DoesNotContain("Exit B is the nearest", before.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, (await (await tenant.Voter.GetAsync($"api/v1/quizzes/{id}/attempts")).ExpectJsonAsync(HttpStatusCode.OK)).GetArrayLength());

        var (questions, options) = await IdsAsync(tenant.Voter, id);
        // The first right; the second half right (a question counts only when the chosen set is exactly the correct one).
        var result = await (await SubmitAsync(tenant.Voter, id, await AnswersAsync(tenant.Voter, id, secondRight: false))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, 2, 50.0, true), (result.GetProperty("score").GetInt32(), result.GetProperty("maxScore").GetInt32(), result.GetProperty("percent").GetDouble(), result.GetProperty("passed").GetBoolean()));
        var outcomes = result.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal([true, false], outcomes.Select(o => o.GetProperty("correct").GetBoolean()));
        Assert.Equal([options[1][0], options[1][1]], outcomes[1].GetProperty("correctOptionIds").EnumerateArray().Select(o => o.GetInt64()));
        Assert.Equal("Both protect you.", outcomes[1].GetProperty("explanation").GetString());

        var after = await GetAsync(tenant.Voter, id);
        Assert.True(after.GetProperty("answersShown").GetBoolean());
        Assert.Equal([options[0][1]], after.GetProperty("questions")[0].GetProperty("correctOptionIds").EnumerateArray().Select(o => o.GetInt64()));
        Assert.Equal("Exit B is the nearest.", after.GetProperty("questions")[0].GetProperty("explanation").GetString());
        Assert.Equal(questions[0], after.GetProperty("questions")[0].GetProperty("id").GetInt64());
        Assert.False((await GetAsync(tenant.Other, id)).GetProperty("answersShown").GetBoolean());
    }

    [SkippableFact]
    public async Task The_pass_mark_decides_and_two_submissions_of_the_last_attempt_at_once_store_one_then_409()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateAsync(tenant.Author, SafetyQuiz("Ladder safety", passMark: 100, maxAttempts: 2));
        var (_, person) = (await tenant.PeopleAsync("climber", 1))[0];
        var failed = await (await SubmitAsync(person, id, await AnswersAsync(person, id, firstRight: false))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(failed.GetProperty("passed").GetBoolean());
        Assert.Equal(1, failed.GetProperty("attemptsLeft").GetInt32());

        var right = await AnswersAsync(person, id);
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SubmitAsync(person, id, right)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var mine = await (await person.GetAsync($"api/v1/quizzes/{id}/attempts")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal([false, true], mine.EnumerateArray().Select(a => a.GetProperty("passed").GetBoolean()));
        Assert.Equal([1, 2], mine.EnumerateArray().Select(a => a.GetProperty("number").GetInt32()));
        Assert.Equal(2, await tenant.InDatabaseAsync(db => db.QuizAttempts.CountAsync(a => a.PollId == id)));
        await (await SubmitAsync(person, id, right)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.False((await GetAsync(person, id)).GetProperty("canAttempt").GetBoolean());

        // A closed quiz refuses attempts, even with attempts left; reopened, it takes them again.
        var open = await CreateAsync(tenant.Author, SafetyQuiz("Closing quiz"));
        await (await tenant.Other.PostAsync($"api/v1/quizzes/{open}/close", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Author.PostAsync($"api/v1/quizzes/{open}/close", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await SubmitAsync(person, open, await AnswersAsync(person, open))).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Moderator.PostAsJsonAsync($"api/v1/quizzes/{open}/reopen", new { })).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await SubmitAsync(person, open, await AnswersAsync(person, open))).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task The_leaderboard_lists_only_those_who_opted_in_by_best_score_ties_to_the_earliest()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateAsync(tenant.Author, SafetyQuiz("Leaderboard quiz", passMark: 50, leaderboard: true));
        var people = await tenant.PeopleAsync("board", 4);
        await (await SubmitAsync(people[0].Client, id, await AnswersAsync(people[0].Client, id, secondRight: false), showOnLeaderboard: true)).ExpectJsonAsync(HttpStatusCode.OK);
        tenant.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        try
        {
            await (await SubmitAsync(people[1].Client, id, await AnswersAsync(people[1].Client, id), showOnLeaderboard: true)).ExpectJsonAsync(HttpStatusCode.OK);
            tenant.Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await (await SubmitAsync(people[2].Client, id, await AnswersAsync(people[2].Client, id), showOnLeaderboard: true)).ExpectJsonAsync(HttpStatusCode.OK);
            // The best score of all, but not shown: nobody sees it on the board.
            await (await SubmitAsync(people[3].Client, id, await AnswersAsync(people[3].Client, id))).ExpectJsonAsync(HttpStatusCode.OK);
            // A better later attempt of the first person raises them, at that attempt's time.
            tenant.Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await (await SubmitAsync(people[0].Client, id, await AnswersAsync(people[0].Client, id), showOnLeaderboard: true)).ExpectJsonAsync(HttpStatusCode.OK);
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }

        var board = await (await tenant.Other.GetAsync($"api/v1/quizzes/{id}/leaderboard")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["board1", "board2", "board0"], board.EnumerateArray().Select(e => e.GetProperty("userName").GetString()));
        Assert.Equal([1, 2, 3], board.EnumerateArray().Select(e => e.GetProperty("rank").GetInt32()));

        var without = await CreateAsync(tenant.Author, SafetyQuiz("No board"));
        await (await SubmitAsync(people[0].Client, without, await AnswersAsync(people[0].Client, without), showOnLeaderboard: true)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Other.GetAsync($"api/v1/quizzes/{without}/leaderboard")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await tenant.InDatabaseAsync(db => db.QuizAttempts.CountAsync(a => a.PollId == without && a.OnLeaderboard)));
    }

    [SkippableFact]
    public async Task The_author_sees_the_share_correct_per_question_and_a_csv_with_formula_cells_escaped()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateAsync(tenant.Author, new
        {
            title = "Spreadsheet quiz",
            passMark = 100,
            questions = new object[]
            {
                new { text = "=HYPERLINK(\"http://evil\")", options = new object[] { new { text = "Yes", correct = true }, new { text = "No" } } },
                new { text = "Second?", options = new object[] { new { text = "Yes" }, new { text = "No", correct = true } } },
            },
        });
        var people = await tenant.PeopleAsync("sheet", 4);
        var (questions, options) = await IdsAsync(tenant.Author, id);
        for (var i = 0; i < people.Count; i++)
        {
            // Everyone right on the first question; only the first of the four right on the second.
            await (await SubmitAsync(people[i].Client, id, new() { [questions[0]] = [options[0][0]], [questions[1]] = [options[1][i == 0 ? 1 : 0]] })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        var results = await (await tenant.Author.GetAsync($"api/v1/quizzes/{id}/results")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal((4, 4, 1), (results.GetProperty("attempts").GetInt32(), results.GetProperty("people").GetInt32(), results.GetProperty("peoplePassed").GetInt32()));
        Assert.Equal(25.0, results.GetProperty("passRate").GetDouble());
        Assert.Equal([100.0, 25.0], results.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("percentCorrect").GetDouble()));
        await (await tenant.Director.GetAsync($"api/v1/quizzes/{id}/results")).ExpectJsonAsync(HttpStatusCode.OK);
        await (await people[0].Client.GetAsync($"api/v1/quizzes/{id}/results")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await people[0].Client.GetAsync($"api/v1/quizzes/{id}/results.csv")).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var csv = await tenant.Author.GetAsync($"api/v1/quizzes/{id}/results.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\",4,4,100", text, StringComparison.Ordinal);
        Assert.Contains("sheet 0,sheet0,1,2,2,yes,", text, StringComparison.Ordinal);
        Assert.Equal(4, text.Split("\r\n").Count(l => l.StartsWith("sheet ", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Invalid_quizzes_and_attempts_are_400s_naming_each_field()
    {
        tenant.SkipIfUnavailable();
        var refused = await (await tenant.Author.PostAsJsonAsync("api/v1/quizzes", new
        {
            title = "",
            anonymous = true,
            passMark = 101,
            maxAttempts = 0,
            questions = new object[]
            {
                new { text = "No right answer?", options = new object[] { new { text = "A" }, new { text = "B" } } },
                new { text = "Two right on a single choice?", options = new object[] { new { text = "A", correct = true }, new { text = "B", correct = true } } },
                new { text = "", options = new object[] { new { text = "A", correct = true } } },
            },
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        foreach (var field in new[] { "title", "anonymous", "passMark", "maxAttempts", "questions[0].options", "questions[1].options", "questions[2].text", "questions[2].options" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }

        await (await tenant.Guest.PostAsJsonAsync("api/v1/quizzes", SafetyQuiz("Guest quiz"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var id = await CreateAsync(tenant.Author, SafetyQuiz("Strict answers"));
        var (questions, options) = await IdsAsync(tenant.Voter, id);
        var bad = await (await SubmitAsync(tenant.Voter, id, new() { [questions[0]] = [options[1][0]] })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty($"answers.{questions[0]}", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty($"answers.{questions[1]}", out _));
        var several = await (await SubmitAsync(tenant.Voter, id, new() { [questions[0]] = options[0], [questions[1]] = [options[1][0]] })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([$"answers.{questions[0]}"], several.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, await tenant.InDatabaseAsync(db => db.QuizAttempts.CountAsync(a => a.PollId == id)));
        // A quiz is not a poll: the polls' routes do not know it.
        await (await tenant.Voter.GetAsync($"api/v1/polls/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_person_s_attempts_are_in_their_export_and_gone_at_their_erasure()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateAsync(tenant.Author, SafetyQuiz("Export quiz", passMark: 50));
        var (userId, person) = (await tenant.PeopleAsync("quizleaver", 1))[0];
        await (await SubmitAsync(person, id, await AnswersAsync(person, id, firstRight: false))).ExpectJsonAsync(HttpStatusCode.OK);

        using (var zip = new ZipArchive(await (await person.GetAsync("api/v1/users/me/export")).Content.ReadAsStreamAsync()))
        {
            var exported = JsonDocument.Parse(zip.GetEntry("quizzes.json")!.Open()).RootElement;
            var attempt = Assert.Single(exported.GetProperty("attempts").EnumerateArray());
            Assert.Equal("Export quiz", attempt.GetProperty("quiz").GetString());
            Assert.Equal(1, attempt.GetProperty("score").GetInt32());
            Assert.Equal(["Exit A", "Gloves", "Helmet"], attempt.GetProperty("chosen").EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal));
        }

        await (await tenant.Admin.PostAsync($"api/v1/users/{userId}/deactivate", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Admin.PostAsync($"api/v1/users/{userId}/erase", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, await tenant.InDatabaseAsync(db => db.QuizAttempts.CountAsync(a => a.UserId == userId)));
        Assert.Equal(0, (await (await tenant.Author.GetAsync($"api/v1/quizzes/{id}/results")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("attempts").GetInt32());
    }
}

[Collection(WebCollection.Name)]
public sealed class QuizTestsOnSqlite(PollsSqliteTenant tenant) : QuizTests(tenant), IClassFixture<PollsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class QuizTestsOnPostgres(PollsPostgresTenant tenant) : QuizTests(tenant), IClassFixture<PollsPostgresTenant>;
