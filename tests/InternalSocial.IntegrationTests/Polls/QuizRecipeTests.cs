using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Polls.QuizRequests;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>The polls step's quizzes: created once by key, exported and run again to the same state, all or nothing with errors naming the field.</summary>
public abstract class QuizRecipeTests(PollsTenant tenant)
{
    private const string Induction = """
        {"key":"induction","title":"Site induction","passMark":100,"maxAttempts":3,"leaderboard":true,"questions":[
          {"text":"Where is the assembly point?","explanation":"By the gate.","options":[{"text":"Car park"},{"text":"Gate","correct":true}]},
          {"text":"What do you wear?","multiple":true,"options":[{"text":"Helmet","correct":true},{"text":"Vest","correct":true},{"text":"Cap"}]}]}
        """;

    [SkippableFact]
    public async Task The_step_creates_a_quiz_once_by_key_and_its_export_runs_again_to_the_same_state()
    {
        tenant.SkipIfUnavailable();
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe(Induction) })).ExpectJsonAsync(HttpStatusCode.OK);
        var first = await SnapshotAsync();
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe(Induction) })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first, await SnapshotAsync());

        var id = await tenant.InDatabaseAsync(db => db.Polls.Where(p => p.RecipeKey == "quiz:induction").Select(p => p.Id).SingleAsync());
        var quiz = await GetAsync(tenant.Voter, id);
        Assert.Equal(("Site induction", 100, 3), (quiz.GetProperty("title").GetString(), quiz.GetProperty("passMark").GetInt32(), quiz.GetProperty("maxAttempts").GetInt32()));
        Assert.Equal(2, quiz.GetProperty("questions").GetArrayLength());

        var export = await (await tenant.Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        var exported = export.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "polls").GetProperty("quizzes")[0];
        Assert.Equal("induction", exported.GetProperty("key").GetString());
        Assert.Equal([false, true], exported.GetProperty("questions")[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("correct").GetBoolean()));
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe(exported.GetRawText()) })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first, await SnapshotAsync());

        // Once someone has tried it, its questions are frozen: the step is refused, naming them.
        await (await SubmitAsync(tenant.Voter, id, new() { [quiz.GetProperty("questions")[0].GetProperty("id").GetInt64()] = [quiz.GetProperty("questions")[0].GetProperty("options")[1].GetProperty("id").GetInt64()], [quiz.GetProperty("questions")[1].GetProperty("id").GetInt64()] = [quiz.GetProperty("questions")[1].GetProperty("options")[0].GetProperty("id").GetInt64()] })).ExpectJsonAsync(HttpStatusCode.OK);
        var changed = Induction.Replace("By the gate.", "By the north gate.", StringComparison.Ordinal);
        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe(changed) })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.EndsWith("quizzes[0].questions", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_invalid_quiz_changes_nothing_and_names_the_step_and_field()
    {
        tenant.SkipIfUnavailable();
        var before = await SnapshotAsync();
        var broken = """{"key":"broken","title":"Broken","passMark":150,"questions":[{"text":"No right answer?","options":[{"text":"A"},{"text":"B"}],"colour":"red"}]}""";
        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe(Induction.Replace("induction", "other", StringComparison.Ordinal), broken) })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        foreach (var field in new[] { "quizzes[1].passMark", "quizzes[1].questions[0].options", "quizzes[1].questions[0].colour" })
        {
            Assert.Contains(errors, e => e.Contains("'polls'", StringComparison.Ordinal) && e.EndsWith(field, StringComparison.Ordinal));
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    private static JsonNode Recipe(params string[] quizzes) =>
        JsonNode.Parse($$"""{"name":"quizzes-test","steps":[{"name":"polls","quizzes":[{{string.Join(",", quizzes)}}]}]}""")!;

    /// <summary>Every quiz, question, option and correct option as stored, to compare before and after.</summary>
    private Task<string> SnapshotAsync() => tenant.InDatabaseAsync(async db => string.Join("\n",
        (await db.Polls.AsNoTracking().OrderBy(p => p.Id).ToListAsync()).Select(p => $"{p.Id}|{p.RecipeKey}|{p.Title}|{p.Description}|{p.CreatedUtc:O}")
            .Concat((await db.QuizSettings.AsNoTracking().OrderBy(s => s.PollId).ToListAsync()).Select(s => $"{s.PollId}|{s.PassMark}|{s.MaxAttempts}|{s.Leaderboard}"))
            .Concat((await db.Questions.AsNoTracking().OrderBy(q => q.Id).ToListAsync()).Select(q => $"{q.Id}|{q.PollId}|{q.Text}|{q.Kind}"))
            .Concat((await db.QuizQuestions.AsNoTracking().OrderBy(q => q.QuestionId).ToListAsync()).Select(q => $"{q.QuestionId}|{q.Explanation}"))
            .Concat((await db.Options.AsNoTracking().OrderBy(o => o.Id).ToListAsync()).Select(o => $"{o.Id}|{o.QuestionId}|{o.Text}"))
            .Concat((await db.QuizCorrectOptions.AsNoTracking().OrderBy(o => o.OptionId).ToListAsync()).Select(o => $"{o.OptionId}"))));
}

[Collection(WebCollection.Name)]
public sealed class QuizRecipeTestsOnSqlite(PollsSqliteTenant tenant) : QuizRecipeTests(tenant), IClassFixture<PollsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class QuizRecipeTestsOnPostgres(PollsPostgresTenant tenant) : QuizRecipeTests(tenant), IClassFixture<PollsPostgresTenant>;
