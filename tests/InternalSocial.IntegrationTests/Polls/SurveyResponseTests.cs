using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using static InternalSocial.IntegrationTests.Polls.SurveysTenant;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>Creating, answering and reading surveys: validation by field, conditions, the window, the audience, one response each.</summary>
public abstract class SurveyResponseTests(SurveysTenant tenant)
{
    [SkippableFact]
    public async Task Creation_names_each_invalid_field_and_needs_the_surveys_permission()
    {
        tenant.SkipIfUnavailable();
        await (await tenant.Author.PostAsJsonAsync("api/v1/surveys", Survey())).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var problem = await (await tenant.Director.PostAsJsonAsync("api/v1/surveys", new
        {
            title = "",
            reminders = new { mode = "every" },
            questions = new object[]
            {
                new { text = "First", kind = "single", options = new[] { "A", "B" }, showWhen = new { question = 1, option = 0 } },
                new { text = "Second", kind = "text", showWhen = new { question = 0, option = 5 } },
                new { text = "Third", kind = "slider" },
                new { text = "Fourth", kind = "matrix", options = new[] { "A", "B" } },
            },
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title", "reminders.days", "questions[0].showWhen", "questions[1].showWhen", "questions[2].kind", "questions[3].rows" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }
    }

    [SkippableFact]
    public async Task An_answer_to_a_hidden_question_and_each_other_invalid_answer_are_named()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateSurveyAsync(tenant.Director, Survey());
        var survey = await GetSurveyAsync(tenant.Voter, id);
        Assert.Equal(3, survey.GetProperty("pageCount").GetInt32());
        Assert.True(survey.GetProperty("canAnswer").GetBoolean());
        var condition = survey.GetProperty("questions")[1].GetProperty("showWhen");
        Assert.Equal(survey.GetProperty("questions")[0].GetProperty("id").GetInt64(), condition.GetProperty("questionId").GetInt64());

        // "No" hides the rating: answering it is refused, naming the question.
        var hidden = await (await RespondAsync(tenant.Voter, id, Answers(survey, choice: 1, rating: 3))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(hidden.GetProperty("errors").TryGetProperty($"answers.{QuestionId(survey, 1)}", out _));

        var other = await GetSurveyAsync(tenant.Voter, await CreateSurveyAsync(tenant.Director, Survey()));
        var answers = Answers(survey, nps: 11, tools: [0, 1, 2]);
        answers[QuestionId(survey, 0)] = other.GetProperty("questions")[0].GetProperty("options")[0].GetProperty("id").GetInt64();
        answers[QuestionId(survey, 5)] = 42;
        answers.Remove(QuestionId(survey, 2));
        answers["999999"] = 1;
        var errors = (await (await RespondAsync(tenant.Voter, id, answers)).ExpectProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var question in new[] { 0, 2, 3, 5 })
        {
            Assert.True(errors.TryGetProperty($"answers.{QuestionId(survey, question)}", out _), $"No error for question {question}: {errors}");
        }

        Assert.True(errors.TryGetProperty("answers.999999", out _));
        Assert.False(errors.TryGetProperty($"answers.{QuestionId(survey, 1)}", out _));
        Assert.False((await GetSurveyAsync(tenant.Voter, id)).GetProperty("answered").GetBoolean());

        await (await RespondAsync(tenant.Voter, id, Answers(survey, choice: 1, rating: null, tools: [2], matrix: [0, 2], text: "Fine"))).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.True((await GetSurveyAsync(tenant.Voter, id)).GetProperty("answered").GetBoolean());
        await (await RespondAsync(tenant.Voter, id, Answers(survey, choice: 1, rating: null))).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task A_survey_outside_its_window_refuses_responses_and_one_outside_the_audience_is_not_found()
    {
        tenant.SkipIfUnavailable();
        var later = await CreateSurveyAsync(tenant.Director, Survey(opensAt: tenant.Host.Clock.GetUtcNow().AddDays(1)));
        var survey = await GetSurveyAsync(tenant.Voter, later);
        Assert.Equal("scheduled", survey.GetProperty("status").GetString());
        await (await RespondAsync(tenant.Voter, later, Answers(survey))).ExpectProblemAsync(HttpStatusCode.Conflict);

        var closed = await CreateSurveyAsync(tenant.Director, Survey());
        await (await tenant.Director.PostAsync($"api/v1/surveys/{closed}/close", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await RespondAsync(tenant.Voter, closed, Answers(await GetSurveyAsync(tenant.Voter, closed)))).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Director.PostAsync($"api/v1/surveys/{closed}/close", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Voter.PostAsync($"api/v1/surveys/{closed}/reopen", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Director.PostAsync($"api/v1/surveys/{closed}/reopen", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await RespondAsync(tenant.Voter, closed, Answers(await GetSurveyAsync(tenant.Voter, closed)))).ExpectJsonAsync(HttpStatusCode.NoContent);

        var (insider, client) = (await tenant.PeopleAsync("insider", 1, "Research", "Nantes"))[0];
        var research = await CreateSurveyAsync(tenant.Director, Survey(audience: new { departments = new[] { "Research" } }));
        await (await tenant.Voter.GetAsync($"api/v1/surveys/{research}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await RespondAsync(tenant.Voter, research, Answers(await GetSurveyAsync(client, research)))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Guest.GetAsync($"api/v1/surveys/{closed}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await RespondAsync(client, research, Answers(await GetSurveyAsync(client, research)))).ExpectJsonAsync(HttpStatusCode.NoContent);

        // "For me": open surveys of my audience, those I have not answered first.
        var mine = (await (await client.GetAsync("api/v1/surveys")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("surveys").EnumerateArray().ToList();
        Assert.DoesNotContain(mine, s => s.GetProperty("id").GetInt64() == later);
        Assert.Contains(mine, s => s.GetProperty("id").GetInt64() == research);
        var answeredAt = mine.FindIndex(s => s.GetProperty("answered").GetBoolean());
        Assert.True(answeredAt > 0 && mine.Skip(answeredAt).All(s => s.GetProperty("answered").GetBoolean()), insider);
        var voters = (await (await tenant.Voter.GetAsync("api/v1/surveys")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("surveys").EnumerateArray();
        Assert.DoesNotContain(voters, s => s.GetProperty("id").GetInt64() == research);
    }

    [SkippableFact]
    public async Task A_survey_changes_until_its_first_response_only()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateSurveyAsync(tenant.Director, Survey());
        await (await tenant.Voter.PutAsJsonAsync($"api/v1/surveys/{id}", Survey())).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Director.PutAsJsonAsync($"api/v1/surveys/{id}", Survey(anonymous: false))).ExpectJsonAsync(HttpStatusCode.NoContent);
        var survey = await GetSurveyAsync(tenant.Voter, id);
        Assert.False(survey.GetProperty("anonymous").GetBoolean());
        await (await RespondAsync(tenant.Voter, id, Answers(survey))).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Director.PutAsJsonAsync($"api/v1/surveys/{id}", Survey())).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Director.DeleteAsync($"api/v1/surveys/{id}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Voter.GetAsync($"api/v1/surveys/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_hundred_responses_at_once_count_a_hundred_and_one_person_twice_at_once_counts_once()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateSurveyAsync(tenant.Director, Survey());
        var survey = await GetSurveyAsync(tenant.Director, id);
        var crowd = await tenant.PeopleAsync("crowd", 100);
        var statuses = await Task.WhenAll(crowd.Select(p => RespondAsync(p.Client, id, Answers(survey, tools: [0], matrix: [1, 2]))));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NoContent, s.StatusCode));

        var (_, twice) = (await tenant.PeopleAsync("twice", 1))[0];
        var both = await Task.WhenAll(RespondAsync(twice, id, Answers(survey)), RespondAsync(twice, id, Answers(survey)));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());

        var results = await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/results")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(101, results.GetProperty("responseCount").GetInt32());
        var questions = results.GetProperty("questions");
        Assert.Equal(101, questions[0].GetProperty("answered").GetInt32());
        Assert.Equal(101, questions[0].GetProperty("options")[0].GetProperty("count").GetInt32());
        Assert.Equal(100.0, questions[0].GetProperty("options")[0].GetProperty("percent").GetDouble());
        Assert.Equal(4.0, questions[1].GetProperty("average").GetDouble());
        Assert.Equal(100.0, questions[2].GetProperty("nps").GetProperty("score").GetDouble());
        Assert.Equal(100, questions[3].GetProperty("answered").GetInt32());
        var pay = questions[4].GetProperty("rows")[0];
        Assert.Equal(100, pay.GetProperty("columns")[1].GetProperty("count").GetInt32());
    }
}

[Collection(WebCollection.Name)]
public sealed class SurveyResponseTestsOnSqlite(SurveysSqliteTenant tenant) : SurveyResponseTests(tenant), IClassFixture<SurveysSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SurveyResponseTestsOnPostgres(SurveysPostgresTenant tenant) : SurveyResponseTests(tenant), IClassFixture<SurveysPostgresTenant>;
