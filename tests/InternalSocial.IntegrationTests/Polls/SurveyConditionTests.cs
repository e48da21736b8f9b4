using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Polls.SurveysTenant;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A condition on several options ("show B when A is x or y"): written with <c>options</c> through the API and the
/// recipe step, the single <c>option</c> still accepted; any of them shows the question; each bad condition named.
/// </summary>
public abstract class SurveyConditionTests(SurveysTenant tenant)
{
    [SkippableFact]
    public async Task A_question_shown_for_any_of_several_answers_takes_an_answer_only_after_one_of_them()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateSurveyAsync(tenant.Director, Survey(new { question = 0, options = new[] { 0, 2 } }));
        var survey = await GetSurveyAsync(tenant.Voter, id);
        var choices = Options(survey, 0);
        var condition = survey.GetProperty("questions")[1].GetProperty("showWhen");
        Assert.Equal([choices[0], choices[2]], condition.GetProperty("optionIds").EnumerateArray().Select(o => o.GetInt64()).ToArray());
        Assert.Equal(choices[0], condition.GetProperty("optionId").GetInt64());

        // "Car" hides the question: its answer is refused, naming it.
        var refused = await (await RespondAsync(tenant.Voter, id, Answers(survey, choices[1], "Too far"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty($"answers.{QuestionId(survey, 1)}", out _));
        // "Bike", the second option named, shows it.
        await (await RespondAsync(tenant.Voter, id, Answers(survey, choices[2], "Rain"))).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await RespondAsync(tenant.Other, id, Answers(survey, choices[0], "Crowds"))).ExpectJsonAsync(HttpStatusCode.NoContent);

        // The single form still reads as it did, its one option in the list.
        var single = await GetSurveyAsync(tenant.Voter, await CreateSurveyAsync(tenant.Director, Survey(new { question = 0, option = 1 })));
        var one = single.GetProperty("questions")[1].GetProperty("showWhen");
        Assert.Equal([Options(single, 0)[1]], one.GetProperty("optionIds").EnumerateArray().Select(o => o.GetInt64()).ToArray());
    }

    [SkippableFact]
    public async Task A_condition_naming_an_option_twice_none_or_one_out_of_range_is_named()
    {
        tenant.SkipIfUnavailable();
        foreach (var bad in new object[] { new { question = 0, options = new[] { 0, 5 } }, new { question = 0, options = Array.Empty<int>() }, new { question = 0, options = new[] { 1, 1 } } })
        {
            var problem = await (await tenant.Director.PostAsJsonAsync("api/v1/surveys", Survey(bad))).ExpectProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("questions[1].showWhen", out _), problem.ToString());
        }
    }

    [SkippableFact]
    public async Task The_recipe_step_takes_several_options_and_its_export_runs_back_the_same()
    {
        tenant.SkipIfUnavailable();
        var key = "commute-" + Guid.NewGuid().ToString("N")[..6];
        var survey = JsonSerializer.SerializeToNode(Survey(new { question = 0, options = new[] { 1, 2 } }))!.AsObject();
        survey["key"] = key;
        var recipe = new JsonObject { ["name"] = "commute", ["steps"] = new JsonArray(new JsonObject { ["name"] = "polls", ["surveys"] = new JsonArray(survey) }) };
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectJsonAsync(HttpStatusCode.OK);
        var id = await tenant.InDatabaseAsync(db => db.Polls.Where(p => p.RecipeKey == key).Select(p => p.Id).SingleAsync());
        var read = await GetSurveyAsync(tenant.Voter, id);
        var choices = Options(read, 0);
        Assert.Equal([choices[1], choices[2]], read.GetProperty("questions")[1].GetProperty("showWhen").GetProperty("optionIds").EnumerateArray().Select(o => o.GetInt64()).ToArray());

        var export = await (await tenant.Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        var exported = export.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString() == "polls" && s.TryGetProperty("surveys", out _))
            .SelectMany(s => s.GetProperty("surveys").EnumerateArray()).Single(s => s.GetProperty("key").GetString() == key);
        Assert.Equal([1, 2], exported.GetProperty("questions")[1].GetProperty("showWhen").GetProperty("options").EnumerateArray().Select(o => o.GetInt32()).ToArray());

        // Run back: the same survey, the same questions.
        var before = await tenant.InDatabaseAsync(db => db.Questions.Where(q => q.PollId == id).OrderBy(q => q.Id).Select(q => q.Id).ToListAsync());
        var again = new JsonObject { ["name"] = "commute-again", ["steps"] = new JsonArray(new JsonObject { ["name"] = "polls", ["surveys"] = new JsonArray(JsonNode.Parse(exported.GetRawText())) }) };
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = again })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(before, await tenant.InDatabaseAsync(db => db.Questions.Where(q => q.PollId == id).OrderBy(q => q.Id).Select(q => q.Id).ToListAsync()));
    }

    /// <summary>"How do you come in?" (walk, car, bike), then a free text shown under <paramref name="showWhen"/>.</summary>
    private static object Survey(object showWhen) => new
    {
        title = "Commute",
        questions = new object[]
        {
            new { text = "How do you come in?", kind = "single", required = true, options = new[] { "Walk", "Car", "Bike" } },
            new { text = "What makes it hard?", kind = "text", showWhen },
        },
    };

    private static long[] Options(JsonElement survey, int question) =>
        [.. survey.GetProperty("questions")[question].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt64())];

    private static Dictionary<string, object?> Answers(JsonElement survey, long choice, string text) => new()
    {
        [QuestionId(survey, 0)] = choice,
        [QuestionId(survey, 1)] = text,
    };
}

[Collection(WebCollection.Name)]
public sealed class SurveyConditionSqliteTests(SurveysSqliteTenant tenant) : SurveyConditionTests(tenant), IClassFixture<SurveysSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SurveyConditionPostgresTests(SurveysPostgresTenant tenant) : SurveyConditionTests(tenant), IClassFixture<SurveysPostgresTenant>;
