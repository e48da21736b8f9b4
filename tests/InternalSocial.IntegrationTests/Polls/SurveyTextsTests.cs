using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Polls.SurveysTenant;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A survey's free texts on their own paged route: cursor pages that add up to every text once, in the order of their
/// random keys; only for those who see the survey's free texts; the results page shows a few and links to the rest.
/// </summary>
public abstract class SurveyTextsTests(SurveysTenant tenant)
{
    private static readonly HtmlParser Parser = new();

    [SkippableFact]
    public async Task Free_texts_come_a_page_at_a_time_to_those_who_see_them()
    {
        tenant.SkipIfUnavailable();
        var (id, question, texts) = await AnsweredAsync(7);

        var read = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/questions/{question}/texts?take=3{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}")).ExpectJsonAsync(HttpStatusCode.OK);
            read.AddRange(page.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!));
            after = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (after is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(texts.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));

        // The order is the random keys' (the texts' rows), not the order they were given in.
        var keyed = await tenant.InDatabaseAsync(db => db.OtherAnswers.Where(a => a.QuestionId == question).OrderBy(a => a.Id).Select(a => a.Text).ToListAsync());
        Assert.Equal(keyed, read);

        await (await tenant.Voter.GetAsync($"api/v1/surveys/{id}/questions/{question}/texts")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var choice = (await GetSurveyAsync(tenant.Director, id)).GetProperty("questions")[0].GetProperty("id").GetInt64();
        await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/questions/{choice}/texts")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var take = await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/questions/{question}/texts?take=0")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(take.GetProperty("errors").TryGetProperty("take", out _));
        var cursor = await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/questions/{question}/texts?after=nope")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(cursor.GetProperty("errors").TryGetProperty("after", out _));
    }

    [SkippableFact]
    public async Task The_results_page_shows_a_few_texts_and_links_to_all_of_them()
    {
        tenant.SkipIfUnavailable();
        var (id, question, texts) = await AnsweredAsync(7);
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("director", PollsTenant.Password)).StatusCode);

        var results = Parser.ParseDocument(await browser.GetStringAsync($"surveys/{id}/results"));
        Assert.Equal(5, results.QuerySelectorAll(".poll-others li").Length);
        var link = results.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "All answers (7)");
        Assert.EndsWith($"/surveys/{id}/questions/{question}/texts", link.GetAttribute("href"), StringComparison.Ordinal);

        var all = Parser.ParseDocument(await browser.GetStringAsync($"surveys/{id}/questions/{question}/texts"));
        Assert.Equal(texts.Order(StringComparer.Ordinal), all.QuerySelectorAll(".survey-texts li").Select(li => li.TextContent).Order(StringComparer.Ordinal));
        Assert.Null(all.QuerySelector("a[rel=next]"));
    }

    /// <summary>An anonymous survey (a choice, then a free text) answered by <paramref name="count"/> people, each with their own text.</summary>
    private async Task<(long Id, long Question, List<string> Texts)> AnsweredAsync(int count)
    {
        var id = await CreateSurveyAsync(tenant.Director, new
        {
            title = "Texts " + Guid.NewGuid().ToString("N")[..6],
            anonymous = true,
            questions = new object[]
            {
                new { text = "Team?", kind = "single", options = new[] { "A", "B" } },
                new { text = "What would you change?", kind = "text" },
            },
        });
        var question = (await GetSurveyAsync(tenant.Director, id)).GetProperty("questions")[1].GetProperty("id").GetInt64();
        var texts = new List<string>();
        var people = await tenant.PeopleAsync("tx" + Guid.NewGuid().ToString("N")[..6], count);
        for (var i = 0; i < people.Count; i++)
        {
            var text = $"Change number {i}";
            texts.Add(text);
            var answers = new Dictionary<string, object?> { [question.ToString(CultureInfo.InvariantCulture)] = text };
            await (await people[i].Client.PostAsJsonAsync($"api/v1/surveys/{id}/responses", new { answers })).ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        return (id, question, texts);
    }
}

[Collection(WebCollection.Name)]
public sealed class SurveyTextsSqliteTests(SurveysSqliteTenant tenant) : SurveyTextsTests(tenant), IClassFixture<SurveysSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SurveyTextsPostgresTests(SurveysPostgresTenant tenant) : SurveyTextsTests(tenant), IClassFixture<SurveysPostgresTenant>;
