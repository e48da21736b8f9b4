using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using static InternalSocial.IntegrationTests.Polls.QuizRequests;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// The quizzes' pages as a browser without JavaScript uses them: the form creates a quiz (each problem beside its
/// field, a question added by posting), the quiz's page takes the answers and shows the score, right and wrong with
/// the explanations and "try again", and the author's results page shows the share right per question.
/// </summary>
public abstract partial class QuizPagesTests(PollsPagesTenant tenant)
{
    [SkippableFact]
    public async Task A_quiz_made_with_the_form_is_taken_on_its_page_which_then_shows_the_score_and_explanations()
    {
        tenant.SkipIfUnavailable();
        var browser = await tenant.AdminBrowserAsync();
        Assert.Matches("href=\"[^\"]*/quizzes\"", await browser.GetStringAsync("polls"));
        var title = $"Forklift basics {Guid.NewGuid():N}";
        var created = await browser.SubmitAsync("quizzes/new", "quizzes/new", new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Questions[0].Text"] = "Top speed indoors?",
            ["Questions[0].Options[0].Text"] = "6 km/h",
            ["Questions[0].Options[0].Correct"] = "true",
            ["Questions[0].Options[1].Text"] = "20 km/h",
            ["Questions[0].Options[2].Text"] = "",
            ["Questions[0].Explanation"] = "Walking pace, so people can step aside.",
            ["PassMark"] = "100",
            ["MaxAttempts"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(QuizId().Match(created.Headers.Location!.ToString()).Groups[1].Value, CultureInfo.InvariantCulture);
        var (questions, options) = await IdsAsync(tenant.Admin, id);
        Assert.Equal(2, options[0].Length);

        var page = await browser.GetStringAsync($"quizzes/{id}");
        Assert.Contains(WebUtility.HtmlEncode(title), page, StringComparison.Ordinal);
        Assert.Contains($"name=\"answers-{questions[0]}\"", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(title), await browser.GetStringAsync("quizzes"), StringComparison.Ordinal);

        var taken = await browser.SubmitAsync($"quizzes/{id}", $"quizzes/{id}/attempts", new Dictionary<string, string> { [$"answers-{questions[0]}"] = options[0][1].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        page = await browser.GetStringAsync($"quizzes/{id}");
        Assert.Contains("Your score: 0 out of 1 (0%)", page, StringComparison.Ordinal);
        Assert.Contains("Wrong", page, StringComparison.Ordinal);
        Assert.Contains("Right answer: 6 km/h", page, StringComparison.Ordinal);
        Assert.Contains("Walking pace, so people can step aside.", page, StringComparison.Ordinal);
        Assert.Contains("2 attempts left", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"answers-{questions[0]}\"", page, StringComparison.Ordinal);

        // Trying again shows the form; passing shows the verdict.
        Assert.Contains($"name=\"answers-{questions[0]}\"", await browser.GetStringAsync($"quizzes/{id}?retry=true"), StringComparison.Ordinal);
        await browser.SubmitAsync($"quizzes/{id}?retry=true", $"quizzes/{id}/attempts", new Dictionary<string, string> { [$"answers-{questions[0]}"] = options[0][0].ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("Your score: 1 out of 1 (100%)", await browser.GetStringAsync($"quizzes/{id}"), StringComparison.Ordinal);

        var results = await browser.GetStringAsync($"quizzes/{id}/results");
        Assert.Contains("1 of 2 right", results, StringComparison.Ordinal);
        Assert.Contains("1 person passed", results, StringComparison.Ordinal);
        Assert.Contains("dist/charts.js", results, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_form_shows_each_problem_beside_its_field_and_adds_a_question_without_a_script()
    {
        tenant.SkipIfUnavailable();
        var browser = await tenant.AdminBrowserAsync();
        var refused = await browser.SubmitAsync("quizzes/new", "quizzes/new", new Dictionary<string, string>
        {
            ["Title"] = "No right answer",
            ["Questions[0].Text"] = "Which?",
            ["Questions[0].Options[0].Text"] = "A",
            ["Questions[0].Options[1].Text"] = "B",
            ["PassMark"] = "120",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Questions\\[0\\].Options\"[^>]*>Mark at least one option as correct.", html);
        Assert.Matches("data-valmsg-for=\"PassMark\"[^>]*>The pass mark must be between 0 and 100.", html);

        var added = await browser.SubmitAsync("quizzes/new", "quizzes/new", new Dictionary<string, string> { ["Title"] = "Two questions", ["Questions[0].Text"] = "First?", ["add"] = "1" });
        html = await added.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Questions[1].Text\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"First?\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_form_sets_a_closing_time_in_the_organisation_s_time_zone()
    {
        tenant.SkipIfUnavailable();
        var browser = await tenant.AdminBrowserAsync();
        var form = await browser.GetStringAsync("quizzes/new");
        Assert.Contains("name=\"ClosesAt\"", form, StringComparison.Ordinal);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneHint().Match(form).Groups[1].Value);
        var local = tenant.Host.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        var fields = new Dictionary<string, string>
        {
            ["Title"] = $"Timed quiz {Guid.NewGuid():N}",
            ["Questions[0].Text"] = "Which?",
            ["Questions[0].Options[0].Text"] = "A",
            ["Questions[0].Options[0].Correct"] = "true",
            ["Questions[0].Options[1].Text"] = "B",
            ["ClosesAt"] = local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        };
        var created = await browser.SubmitAsync("quizzes/new", "quizzes/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(QuizId().Match(created.Headers.Location!.ToString()).Groups[1].Value, CultureInfo.InvariantCulture);
        var closesAt = DateTime.SpecifyKind((await GetAsync(tenant.Admin, id)).GetProperty("closesAt").GetDateTime(), DateTimeKind.Unspecified);
        // The time typed is the organisation's: stored in UTC.
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, zone), closesAt);

        fields["ClosesAt"] = local.AddDays(-10).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var refused = await browser.SubmitAsync("quizzes/new", "quizzes/new", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Matches("data-valmsg-for=\"ClosesAt\"[^>]*>The closing time must be in the future.", await refused.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task A_submission_missing_an_answer_keeps_the_choices_made_and_names_the_question()
    {
        tenant.SkipIfUnavailable();
        var browser = await tenant.AdminBrowserAsync();
        var id = await CreateAsync(tenant.Admin, SafetyQuiz($"Half answered {Guid.NewGuid():N}"));
        var (questions, options) = await IdsAsync(tenant.Admin, id);
        var refused = await browser.SubmitAsync($"quizzes/{id}", $"quizzes/{id}/attempts", new Dictionary<string, string> { [$"answers-{questions[0]}"] = options[0][1].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches($"<input type=\"radio\" id=\"quiz-option-{options[0][1]}\"[^>]*checked", html);
        Assert.DoesNotMatch($"<input type=\"radio\" id=\"quiz-option-{options[0][0]}\"[^>]*checked", html);
        Assert.Matches($"id=\"quiz-error-{questions[1]}\">Answer this question.", html);
        Assert.DoesNotContain($"id=\"quiz-error-{questions[0]}\"", html, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"quiz-how-{questions[1]} quiz-error-{questions[1]}\"", html, StringComparison.Ordinal);
        Assert.Empty((await (await tenant.Admin.GetAsync($"api/v1/quizzes/{id}/attempts")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [GeneratedRegex(@"In the organisation&#x27;s time zone \(([^)]+)\)")]
    private static partial Regex ZoneHint();

    [GeneratedRegex(@"/quizzes/(\d+)$")]
    private static partial Regex QuizId();
}

[Collection(WebCollection.Name)]
public sealed class QuizPagesTestsOnSqlite(PollsPagesSqliteTenant tenant) : QuizPagesTests(tenant), IClassFixture<PollsPagesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class QuizPagesTestsOnPostgres(PollsPagesPostgresTenant tenant) : QuizPagesTests(tenant), IClassFixture<PollsPagesPostgresTenant>;
