using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// The survey pages over HTTP, as a browser without JavaScript uses them: the form creates a survey (each problem
/// beside its field, questions added and removed by posting), a survey is answered page by page with next and back
/// keeping the answers, an answer to a question its condition hides is refused beside it, the list shows what was
/// answered, the results page shows bars, averages and the NPS, its author closes the survey, and a survey outside
/// one's audience is a 404 on every page.
/// </summary>
public abstract partial class SurveyPagesTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task The_form_shows_each_problem_beside_its_field_adds_questions_without_a_script_and_creates_the_survey()
    {
        tenant.SkipIfUnavailable();
        var admin = await tenant.BrowserAsync("admin");
        Assert.NotEqual(HttpStatusCode.OK, (await (await tenant.BrowserAsync("member")).GetAsync("surveys/new")).StatusCode);

        var refused = await admin.SubmitAsync("surveys/new", "surveys/new", new Dictionary<string, string>
        {
            ["Title"] = "",
            ["Questions[0].Page"] = "1",
            ["Questions[0].Kind"] = "single",
            ["Questions[0].Text"] = "Lunch or dinner?",
            ["Questions[0].Options"] = "Only one",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches("id=\"Title-error\">[^<]+<", html);
        Assert.Matches("id=\"Questions_0_Options-error\">[^<]+<", html);
        Assert.Contains("Lunch or dinner?", html, StringComparison.Ordinal);

        var added = await admin.SubmitAsync("surveys/new", "surveys/new", new Dictionary<string, string> { ["Title"] = "T", ["Questions[0].Text"] = "First", ["add"] = "1" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var form = await added.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Questions[1].Text\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"First\"", form, StringComparison.Ordinal);

        var title = $"Canteen survey {Guid.NewGuid():N}";
        var created = await admin.SubmitAsync("surveys/new", "surveys/new", new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Questions[0].Page"] = "1",
            ["Questions[0].Kind"] = "single",
            ["Questions[0].Text"] = "Do you eat at the canteen?",
            ["Questions[0].Options"] = "Yes\r\nNo",
            ["Questions[0].Required"] = "true",
            ["Questions[1].Page"] = "2",
            ["Questions[1].Kind"] = "rating",
            ["Questions[1].Text"] = "How good is it?",
            ["Questions[1].ConditionQuestion"] = "1",
            ["Questions[1].ConditionAnswer"] = "yes",
            ["Anonymous"] = "true",
            ["ResultsVisibility"] = "always",
            ["ReminderMode"] = "none",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(SurveyId().Match(created.Headers.Location!.ToString()).Groups[1].Value, CultureInfo.InvariantCulture);
        var survey = await Json(tenant.Client("admin"), $"api/v1/surveys/{id}");
        var questions = survey.GetProperty("questions");
        Assert.Equal(2, survey.GetProperty("pageCount").GetInt32());
        Assert.True(survey.GetProperty("anonymous").GetBoolean());
        Assert.Equal(questions[0].GetProperty("options")[0].GetProperty("id").GetInt64(), questions[1].GetProperty("showWhen").GetProperty("optionId").GetInt64());
    }

    [SkippableFact]
    public async Task The_form_starts_from_the_engagement_survey_of_the_recipe()
    {
        tenant.SkipIfUnavailable();
        var admin = await tenant.BrowserAsync("admin");
        Assert.Contains("surveys/new?template=engagement-survey", await admin.GetStringAsync("surveys/new"), StringComparison.Ordinal);
        var form = await admin.GetStringAsync("surveys/new?template=engagement-survey");
        Assert.Contains("value=\"Yearly engagement survey\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Questions[14].Text\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"nps\" selected=\"selected\">", form, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_survey_is_answered_page_by_page_and_an_answer_to_a_hidden_question_is_refused_beside_it()
    {
        tenant.SkipIfUnavailable();
        var (id, yes, no, why, rating) = await CreateConditionalSurveyAsync(audience: null);
        var member = await tenant.BrowserAsync("member");
        var first = await member.GetStringAsync($"surveys/{id}");
        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains("nobody, not even administrators, can see what you answered", first, StringComparison.Ordinal);
        Assert.Contains($"data-show-when-question=\"q{yes.Question}\" data-show-when-option=\"{yes.Option}\"", first, StringComparison.Ordinal);

        // Next keeps the first page's answer in a hidden field; back shows it chosen again.
        var next = await member.SubmitAsync($"surveys/{id}", $"surveys/{id}", new Dictionary<string, string> { ["page"] = "1", ["go"] = "next", [$"q{no.Question}"] = Id(no.Option) });
        var second = await next.Content.ReadAsStringAsync();
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.Contains($"name=\"q{no.Question}\" value=\"{no.Option}\"", second, StringComparison.Ordinal);
        Assert.Contains($"name=\"q{rating.Question}\" value=\"{rating.Option}\"", second, StringComparison.Ordinal);
        var back = await member.SubmitAsync($"surveys/{id}", $"surveys/{id}", new Dictionary<string, string> { ["page"] = "2", ["go"] = "back", [$"q{no.Question}"] = Id(no.Option) });
        Assert.Matches($"value=\"{no.Option}\" checked=\"checked\"", await back.Content.ReadAsStringAsync());

        // Without a script the hidden question is on the page: its answer is refused beside it, and dropped.
        var refused = await member.SubmitAsync($"surveys/{id}", $"surveys/{id}", new Dictionary<string, string>
        {
            ["page"] = "2",
            ["go"] = "send",
            [$"q{no.Question}"] = Id(no.Option),
            [$"q{why}"] = "Too noisy",
            [$"q{rating.Question}"] = Id(rating.Option),
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Page 1 of 2", page, StringComparison.Ordinal);
        Assert.Matches($"id=\"q{why}-error\">[^<]+<", page);
        Assert.DoesNotContain("Too noisy", page, StringComparison.Ordinal);

        var sent = await member.SubmitAsync($"surveys/{id}", $"surveys/{id}", new Dictionary<string, string>
        {
            ["page"] = "2",
            ["go"] = "send",
            [$"q{no.Question}"] = Id(no.Option),
            [$"q{rating.Question}"] = Id(rating.Option),
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thanks = await member.GetStringAsync($"surveys/{id}");
        Assert.Contains("Thank you for taking part.", thanks, StringComparison.Ordinal);
        Assert.Contains("1 person answered", thanks, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/", thanks[thanks.IndexOf("survey-title", StringComparison.Ordinal)..thanks.IndexOf("results-title", StringComparison.Ordinal)], StringComparison.Ordinal);

        var list = await member.GetStringAsync("surveys");
        var item = list[list.IndexOf($"/surveys/{id}\"", StringComparison.Ordinal)..];
        Assert.Contains("Answered", item[..item.IndexOf("</li>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Outside_its_audience_a_survey_s_pages_are_not_found()
    {
        tenant.SkipIfUnavailable();
        await tenant.SetDepartmentAsync("member", "Sales");
        await tenant.SetDepartmentAsync("outsider", "Operations");
        var (id, _, _, _, _) = await CreateConditionalSurveyAsync(audience: new { departments = new[] { "Sales" } });
        var outsider = await tenant.BrowserAsync("outsider");
        foreach (var path in new[] { $"surveys/{id}", $"surveys/{id}/results" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path)).StatusCode);
        }

        Assert.DoesNotContain($"/surveys/{id}\"", await outsider.GetStringAsync("surveys"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await tenant.BrowserAsync("member")).GetAsync($"surveys/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task The_results_page_shows_bars_averages_and_the_nps_and_its_author_closes_and_reopens_the_survey()
    {
        tenant.SkipIfUnavailable();
        var created = await (await tenant.Client("admin").PostAsJsonAsync("api/v1/surveys", new
        {
            title = $"Engagement {Guid.NewGuid():N}",
            resultsVisibility = "always",
            questions = new object[]
            {
                new { text = "How happy are you at work?", kind = "rating" },
                new { text = "Would you recommend us as an employer?", kind = "nps" },
            },
        })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var survey = await Json(tenant.Client("admin"), $"api/v1/surveys/{id}");
        var (rating, nps) = (survey.GetProperty("questions")[0], survey.GetProperty("questions")[1]);
        foreach (var (person, stars, score) in new[] { ("member", 4, 10), ("owner", 5, 6) })
        {
            var answers = new Dictionary<string, int> { [Id(rating.GetProperty("id").GetInt64())] = stars, [Id(nps.GetProperty("id").GetInt64())] = score };
            Assert.Equal(HttpStatusCode.NoContent, (await tenant.Client(person).PostAsJsonAsync($"api/v1/surveys/{id}/responses", new { answers })).StatusCode);
        }

        var admin = await tenant.BrowserAsync("admin");
        var results = await admin.GetStringAsync($"surveys/{id}/results");
        Assert.Contains("2 people answered", results, StringComparison.Ordinal);
        Assert.Contains("Average: 4.5 out of 5", results, StringComparison.Ordinal);
        Assert.Contains("Net Promoter Score: 0", results, StringComparison.Ordinal);
        Assert.Contains("data-chart-value=\"1\"", results, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/surveys/{id}/results.csv", results, StringComparison.Ordinal);
        Assert.Contains("dist/charts.js", results, StringComparison.Ordinal);
        Assert.DoesNotContain($"/surveys/{id}/close", await (await tenant.BrowserAsync("member")).GetStringAsync($"surveys/{id}/results"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"surveys/{id}/results", $"surveys/{id}/close", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("Reopen the survey", await admin.GetStringAsync($"surveys/{id}/results"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"surveys/{id}/results", $"surveys/{id}/reopen", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("Close the survey now", await admin.GetStringAsync($"surveys/{id}/results"), StringComparison.Ordinal);
    }

    /// <summary>Page 1: "Do you eat at the canteen?" (Yes/No), then a free text asked only after Yes; page 2: a rating (its option "4" returned).</summary>
    private async Task<(long Id, (long Question, long Option) Yes, (long Question, long Option) No, long Why, (long Question, long Option) Rating)> CreateConditionalSurveyAsync(object? audience)
    {
        var created = await (await tenant.Client("admin").PostAsJsonAsync("api/v1/surveys", new
        {
            title = $"Canteen {Guid.NewGuid():N}",
            anonymous = true,
            resultsVisibility = "always",
            audience,
            questions = new object[]
            {
                new { text = "Do you eat at the canteen?", kind = "single", page = 1, required = true, options = new[] { "Yes", "No" } },
                new { text = "What do you like there?", kind = "text", page = 1, showWhen = new { question = 0, option = 0 } },
                new { text = "How is the coffee?", kind = "rating", page = 2 },
            },
        })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var questions = (await Json(tenant.Client("admin"), $"api/v1/surveys/{id}")).GetProperty("questions");
        long Option(int question, int option) => questions[question].GetProperty("options")[option].GetProperty("id").GetInt64();
        var first = questions[0].GetProperty("id").GetInt64();
        return (id, (first, Option(0, 0)), (first, Option(0, 1)), questions[1].GetProperty("id").GetInt64(), (questions[2].GetProperty("id").GetInt64(), Option(2, 3)));
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonElement> Json(HttpClient client, string url) => await (await client.GetAsync(url)).ExpectJsonAsync(HttpStatusCode.OK);

    [GeneratedRegex("/surveys/([0-9]+)")]
    private static partial Regex SurveyId();
}

[Collection(WebCollection.Name)]
public sealed class SurveyPagesSqliteTests(PollsBridgeSqliteTenant tenant) : SurveyPagesTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SurveyPagesPostgresTests(PollsBridgePostgresTenant tenant) : SurveyPagesTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
