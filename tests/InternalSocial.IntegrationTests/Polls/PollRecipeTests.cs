using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Polls.PollsTenant;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>The polls recipe step: applied, idempotent, all or nothing with errors naming the field, and anonymity frozen after the first vote.</summary>
public abstract class PollRecipeTests(PollsTenant tenant)
{
    [SkippableFact]
    public async Task The_polls_step_creates_polls_once_by_key_and_a_second_run_changes_nothing()
    {
        tenant.SkipIfUnavailable();
        var recipe = Recipe("""{"key":"seminar","question":"Which date for the seminar?","options":["3 March","10 March"],"anonymous":true,"resultsVisibility":"afterClose","closesAt":"2099-03-01T12:00:00Z"}""");
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectJsonAsync(HttpStatusCode.OK);
        var first = await SnapshotAsync();
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first, await SnapshotAsync());

        var id = await tenant.InDatabaseAsync(db => db.Polls.Where(p => p.RecipeKey == "seminar").Select(p => p.Id).SingleAsync());
        var poll = await GetPollAsync(tenant.Voter, id);
        Assert.Equal("Which date for the seminar?", poll.GetProperty("question").GetString());
        Assert.True(poll.GetProperty("anonymous").GetBoolean());
        Assert.Equal("afterClose", poll.GetProperty("resultsVisibility").GetString());

        var export = await (await tenant.Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        var step = export.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "polls");
        var exported = step.GetProperty("polls").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "seminar");
        Assert.Equal("afterClose", exported.GetProperty("resultsVisibility").GetString());
        Assert.Equal(["3 March", "10 March"], exported.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
    }

    [SkippableFact]
    public async Task An_invalid_polls_step_changes_nothing_and_names_the_step_and_field()
    {
        tenant.SkipIfUnavailable();
        var before = await SnapshotAsync();
        var recipe = Recipe(
            """{"key":"fine","question":"Fine?","options":["A","B"]}""",
            """{"key":"broken","question":"Broken?","options":["Only one"],"resultsVisibility":"never","colour":"red"}""");
        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        foreach (var field in new[] { "polls[1].options", "polls[1].resultsVisibility", "polls[1].colour" })
        {
            Assert.Contains(errors, e => e.Contains("'polls'", StringComparison.Ordinal) && e.EndsWith(field, StringComparison.Ordinal));
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [SkippableFact]
    public async Task Anonymity_and_options_are_frozen_by_the_first_vote_but_the_deadline_still_changes()
    {
        tenant.SkipIfUnavailable();
        var named = """{"key":"frozen","question":"Frozen?","options":["A","B"],"anonymous":false}""";
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe(named) })).ExpectJsonAsync(HttpStatusCode.OK);
        // Before any vote, the recipe may still change anything.
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe(named.Replace("false", "true", StringComparison.Ordinal)) })).ExpectJsonAsync(HttpStatusCode.OK);
        var id = await tenant.InDatabaseAsync(db => db.Polls.Where(p => p.RecipeKey == "frozen").Select(p => p.Id).SingleAsync());
        await (await VoteAsync(tenant.Voter, id, (await OptionIdsAsync(tenant.Voter, id))[0])).ExpectJsonAsync(HttpStatusCode.NoContent);

        foreach (var (changed, field) in new[] { (named, "anonymous"), (named.Replace("\"B\"", "\"C\"", StringComparison.Ordinal).Replace("false", "true", StringComparison.Ordinal), "options") })
        {
            var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe(changed) })).ExpectProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.EndsWith($"polls[0].{field}", StringComparison.Ordinal));
        }

        Assert.True((await GetPollAsync(tenant.Voter, id)).GetProperty("anonymous").GetBoolean());
        var later = named.Replace("false", "true", StringComparison.Ordinal).Replace("}", ",\"closesAt\":\"2099-01-01T00:00:00Z\"}", StringComparison.Ordinal);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe(later) })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.StartsWith("2099-01-01", (await GetPollAsync(tenant.Voter, id)).GetProperty("closesAt").GetString(), StringComparison.Ordinal);
    }

    private static JsonNode Recipe(params string[] polls) =>
        JsonNode.Parse($$"""{"name":"polls-test","steps":[{"name":"polls","polls":[{{string.Join(",", polls)}}]}]}""")!;

    /// <summary>Every poll, question and option as stored, to compare before and after.</summary>
    private Task<string> SnapshotAsync() => tenant.InDatabaseAsync(async db => string.Join("\n",
        (await db.Polls.AsNoTracking().OrderBy(p => p.Id).ToListAsync()).Select(p => $"{p.Id}|{p.RecipeKey}|{p.Title}|{p.Anonymous}|{p.ResultsVisibility}|{p.ClosesUtc:O}|{p.CreatedUtc:O}")
            .Concat((await db.Questions.AsNoTracking().OrderBy(q => q.Id).ToListAsync()).Select(q => $"{q.Id}|{q.PollId}|{q.Text}|{q.Kind}|{q.MaxChoices}|{q.AllowOther}"))
            .Concat((await db.Options.AsNoTracking().OrderBy(o => o.Id).ToListAsync()).Select(o => $"{o.Id}|{o.QuestionId}|{o.Text}"))));
}

[Collection(WebCollection.Name)]
public sealed class PollRecipeTestsOnSqlite(PollsSqliteTenant tenant) : PollRecipeTests(tenant), IClassFixture<PollsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollRecipeTestsOnPostgres(PollsPostgresTenant tenant) : PollRecipeTests(tenant), IClassFixture<PollsPostgresTenant>;
