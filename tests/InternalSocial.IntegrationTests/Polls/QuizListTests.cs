using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using static InternalSocial.IntegrationTests.Polls.QuizRequests;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// The quizzes list pages beyond its newest 50 (API cursor, the page's "more" link), skipping what the reader may not
/// read; <c>/quizzes/new</c> offers the groups where one may create polls, and a quiz made there is in the group.
/// </summary>
public abstract partial class QuizListTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task The_api_pages_by_cursor_newest_first_without_the_quizzes_of_a_secret_group()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Quiz list " + Guid.NewGuid().ToString("N")[..6], visibility = "secret" });
        var groupId = group.GetProperty("id").GetInt64();
        var owner = tenant.Client("owner");
        var (open, secret) = (new List<long>(), new List<long>());
        for (var i = 0; i < 6; i++)
        {
            open.Add(await CreateAsync(owner, SafetyQuiz($"Open {i}")));
            secret.Add(await CreateAsync(owner, SafetyQuiz($"Secret {i}", groupId: groupId)));
        }

        var seen = new List<long>();
        var url = "api/v1/quizzes?take=2";
        while (url is not null)
        {
            var page = await (await tenant.Client("outsider").GetAsync(url)).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.True(page.GetProperty("quizzes").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("quizzes").EnumerateArray().Select(q => q.GetProperty("id").GetInt64()));
            url = page.GetProperty("nextCursor").GetString() is { } next ? $"api/v1/quizzes?take=2&after={next}" : null;
        }

        Assert.Equal(seen.Distinct(), seen);
        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal(open.OrderDescending(), seen.Where(open.Contains));
        Assert.DoesNotContain(seen, secret.Contains);
        await (await owner.GetAsync("api/v1/quizzes?after=x")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.GetAsync("api/v1/quizzes?take=51")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task The_page_links_to_older_quizzes_beyond_the_newest_50()
    {
        tenant.SkipIfUnavailable();
        var owner = tenant.Client("owner");
        var oldest = $"Oldest of many {Guid.NewGuid():N}";
        await CreateAsync(owner, SafetyQuiz(oldest));
        for (var i = 0; i < 50; i++)
        {
            await CreateAsync(owner, SafetyQuiz($"Many {i}"));
        }

        var browser = await tenant.BrowserAsync("owner");
        var first = await browser.GetStringAsync("quizzes");
        Assert.DoesNotContain(oldest, first, StringComparison.Ordinal);
        var more = MoreLink().Match(first);
        Assert.True(more.Success);
        Assert.Contains(oldest, await browser.GetStringAsync(WebUtility.HtmlDecode(more.Groups[1].Value)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_form_offers_the_groups_where_one_may_create_and_places_the_quiz_there()
    {
        tenant.SkipIfUnavailable();
        var name = "Quiz form group " + Guid.NewGuid().ToString("N")[..6];
        var groupId = (await tenant.CreateGroupAsync("owner", new { name, visibility = "secret" })).GetProperty("id").GetInt64();
        var browser = await tenant.BrowserAsync("owner");
        var form = await browser.GetStringAsync("quizzes/new");
        Assert.Contains($"<option value=\"{groupId}\">{name}</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain(name, await (await tenant.BrowserAsync("outsider")).GetStringAsync("quizzes/new"), StringComparison.Ordinal);

        var created = await browser.SubmitAsync("quizzes/new", "quizzes/new", new Dictionary<string, string>
        {
            ["Title"] = "In the group",
            ["Questions[0].Text"] = "Which?",
            ["Questions[0].Options[0].Text"] = "A",
            ["Questions[0].Options[0].Correct"] = "true",
            ["Questions[0].Options[1].Text"] = "B",
            ["GroupId"] = groupId.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(QuizId().Match(created.Headers.Location!.ToString()).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(groupId, (await GetAsync(tenant.Client("owner"), id)).GetProperty("groupId").GetInt64());
        await (await tenant.Client("outsider").GetAsync($"api/v1/quizzes/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("<a class=\"button\" rel=\"next\" href=\"[^\"]*/(quizzes\\?after=[^\"]+)\"")]
    private static partial Regex MoreLink();

    [GeneratedRegex(@"/quizzes/(\d+)")]
    private static partial Regex QuizId();
}

[Collection(WebCollection.Name)]
public sealed class QuizListTestsOnSqlite(PollsBridgeSqliteTenant tenant) : QuizListTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class QuizListTestsOnPostgres(PollsBridgePostgresTenant tenant) : QuizListTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
