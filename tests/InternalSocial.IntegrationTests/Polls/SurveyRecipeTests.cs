using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Polls.SurveysTenant;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>The polls step's surveys: the engagement template, the export read back the same, all or nothing, frozen by responses.</summary>
public abstract class SurveyRecipeTests(SurveysTenant tenant)
{
    [SkippableFact]
    public async Task The_engagement_template_applies_once_and_its_export_runs_back_to_the_same_survey()
    {
        tenant.SkipIfUnavailable();
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { name = "engagement-survey" })).ExpectJsonAsync(HttpStatusCode.OK);
        var id = await tenant.InDatabaseAsync(db => db.Polls.Where(p => p.RecipeKey == "engagement-survey").Select(p => p.Id).SingleAsync());
        var survey = await GetSurveyAsync(tenant.Voter, id);
        Assert.Equal(15, survey.GetProperty("questions").GetArrayLength());
        Assert.Equal(3, survey.GetProperty("pageCount").GetInt32());
        Assert.True(survey.GetProperty("anonymous").GetBoolean());
        Assert.Contains(survey.GetProperty("questions").EnumerateArray(), q => q.GetProperty("kind").GetString() == "matrix" && q.GetProperty("rows").GetArrayLength() == 5);

        var export = await (await tenant.Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        var step = export.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "polls" && s.TryGetProperty("surveys", out _));
        var exported = step.GetProperty("surveys").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "engagement-survey");
        Assert.Equal(1, exported.GetProperty("questions")[2].GetProperty("showWhen").GetProperty("question").GetInt32());

        var before = await tenant.InDatabaseAsync(db => db.Questions.Where(q => q.PollId == id).OrderBy(q => q.Id).Select(q => q.Id).ToListAsync());
        var again = JsonNode.Parse($$"""{"name":"surveys-again","steps":[{{step.GetRawText()}}]}""")!;
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = again })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(before, await tenant.InDatabaseAsync(db => db.Questions.Where(q => q.PollId == id).OrderBy(q => q.Id).Select(q => q.Id).ToListAsync()));

        // With a response, the same survey runs again unchanged, but a change is refused and names the field.
        var answers = new Dictionary<string, object?>
        {
            [QuestionId(survey, 0)] = 8,
            [QuestionId(survey, 1)] = survey.GetProperty("questions")[1].GetProperty("options")[0].GetProperty("id").GetInt64(),
            [QuestionId(survey, 3)] = 5,
            [QuestionId(survey, 13)] = 4,
        };
        await (await RespondAsync(tenant.Voter, id, answers)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = again })).ExpectJsonAsync(HttpStatusCode.OK);
        var changed = JsonNode.Parse(again.ToJsonString().Replace("Yearly engagement survey", "Another survey", StringComparison.Ordinal))!;
        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = changed })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.EndsWith("surveys[0].questions", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_invalid_survey_changes_nothing_and_names_the_field()
    {
        tenant.SkipIfUnavailable();
        var count = await tenant.InDatabaseAsync(db => db.Polls.CountAsync());
        var recipe = JsonNode.Parse("""
            {"name":"bad-surveys","steps":[{"name":"polls","polls":[{"key":"fine-poll","question":"Fine?","options":["A","B"]}],"surveys":[
              {"key":"fine","title":"Fine","questions":[{"text":"Q","kind":"rating"}]},
              {"key":"broken","title":"Broken","colour":"red","questions":[{"text":"Q","kind":"text"},{"text":"R","kind":"single","options":["A","B"],"showWhen":{"question":0,"option":0}}]}]}]}
            """)!;
        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(errors, e => e.EndsWith("surveys[1].colour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith("surveys[1].questions[1].showWhen", StringComparison.Ordinal));
        Assert.Equal(count, await tenant.InDatabaseAsync(db => db.Polls.CountAsync()));
    }
}

[Collection(WebCollection.Name)]
public sealed class SurveyRecipeTestsOnSqlite(SurveysSqliteTenant tenant) : SurveyRecipeTests(tenant), IClassFixture<SurveysSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SurveyRecipeTestsOnPostgres(SurveysPostgresTenant tenant) : SurveyRecipeTests(tenant), IClassFixture<SurveysPostgresTenant>;
