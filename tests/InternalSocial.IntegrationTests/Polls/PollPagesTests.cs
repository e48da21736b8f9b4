using System.Net;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// The polls' pages over HTTP, as a browser without JavaScript uses them: the form creates a poll (errors beside their
/// fields, rows added and removed by posting), the poll's page votes, shows the results only when they are allowed,
/// says before voting that an anonymous vote is final, and its author closes and reopens it.
/// </summary>
public abstract partial class PollPagesTests(PollsPagesTenant tenant)
{
    [SkippableFact]
    public async Task A_poll_created_with_the_form_is_voted_on_its_page_and_shows_bars_with_counts_and_percentages()
    {
        tenant.SkipIfUnavailable();
        var browser = await tenant.AdminBrowserAsync();
        var question = $"Which day for the seminar {Guid.NewGuid():N}?";
        var created = await browser.SubmitAsync("polls/new", "polls/new", new Dictionary<string, string>
        {
            ["Question"] = question,
            ["Options[0]"] = "Tuesday",
            ["Options[1]"] = "Thursday",
            ["Options[2]"] = "",
            ["ResultsVisibility"] = "always",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var pollUrl = created.Headers.Location!.ToString();
        var id = long.Parse(PollId().Match(pollUrl).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var page = await browser.GetStringAsync($"polls/{id}");
        Assert.Contains(WebUtility.HtmlEncode(question), page, StringComparison.Ordinal);
        Assert.Contains("type=\"radio\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Friday", page, StringComparison.Ordinal);
        var options = (await PollsPagesTenant.JsonAsync(tenant.Admin, $"api/v1/polls/{id}")).GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToArray();

        var voted = await browser.SubmitAsync($"polls/{id}", $"polls/{id}/vote", new Dictionary<string, string> { ["choices"] = options[1].ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        page = await browser.GetStringAsync($"polls/{id}");
        Assert.Contains("1 person answered", page, StringComparison.Ordinal);
        Assert.Contains("data-chart-value=\"1\"", page, StringComparison.Ordinal);
        Assert.Contains("100%", page, StringComparison.Ordinal);
        Assert.Contains("Change my vote", page, StringComparison.Ordinal);
        Assert.Contains("dist/charts.js", page, StringComparison.Ordinal);

        var list = await browser.GetStringAsync("polls");
        var openSection = list[..list.IndexOf("id=\"closed-title\"", StringComparison.Ordinal)];
        Assert.Contains(WebUtility.HtmlEncode(question), openSection, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync($"polls/{id}", $"polls/{id}/retract", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("0 people answered", await browser.GetStringAsync($"polls/{id}"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_form_shows_each_problem_beside_its_field_and_adds_or_removes_rows_without_a_script()
    {
        tenant.SkipIfUnavailable();
        var browser = await tenant.AdminBrowserAsync();
        var refused = await browser.SubmitAsync("polls/new", "polls/new", new Dictionary<string, string> { ["Question"] = "", ["Options[0]"] = "Only one" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Question\"[^>]*>The question is required", html);
        Assert.Matches("data-valmsg-for=\"Options\"[^>]*>Give between 2", html);
        Assert.Contains("value=\"Only one\"", html, StringComparison.Ordinal);

        var added = await browser.SubmitAsync("polls/new", "polls/new", new Dictionary<string, string> { ["Question"] = "Q", ["Options[0]"] = "A", ["add"] = "1" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("name=\"Options[4]\"", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var removed = await browser.SubmitAsync("polls/new", "polls/new", new Dictionary<string, string> { ["Options[0]"] = "A", ["Options[1]"] = "B", ["Options[2]"] = "C", ["remove"] = "0" });
        var form = await removed.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Options[0]\" value=\"B\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"A\"", form, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Results_that_wait_for_the_close_are_not_on_the_page_until_the_author_closes_it()
    {
        tenant.SkipIfUnavailable();
        var (id, options) = await tenant.CreatePollAsync("Canteen menu?", resultsVisibility: "afterClose");
        var (_, employee) = await tenant.CreateMemberAsync($"voter{Guid.NewGuid():N}"[..20], "Employee");
        await PollsPagesTenant.VoteAsync(employee, id, options[0]);

        var page = await employee.GetStringAsync($"polls/{id}");
        Assert.Contains("The results are not shown to you yet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-chart-value", page, StringComparison.Ordinal);
        Assert.DoesNotContain("person answered", page, StringComparison.Ordinal);
        Assert.DoesNotContain("dist/charts.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("polls/" + id + "/close", page, StringComparison.Ordinal);

        var browser = await tenant.AdminBrowserAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync($"polls/{id}", $"polls/{id}/close", new Dictionary<string, string>())).StatusCode);
        page = await employee.GetStringAsync($"polls/{id}");
        Assert.Contains("1 person answered", page, StringComparison.Ordinal);
        Assert.Contains("This poll is closed.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"radio\"", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync($"polls/{id}", $"polls/{id}/reopen", new Dictionary<string, string> { ["closesAt"] = "" })).StatusCode);
        Assert.Contains("The results are not shown to you yet.", await employee.GetStringAsync($"polls/{id}"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_anonymous_poll_says_before_the_vote_that_it_is_final_and_offers_no_change_after()
    {
        tenant.SkipIfUnavailable();
        var (id, options) = await tenant.CreatePollAsync("Rate the intranet", anonymous: true);
        var (_, employee) = await tenant.CreateMemberAsync($"anon{Guid.NewGuid():N}"[..20], "Employee");
        var before = await employee.GetStringAsync($"polls/{id}");
        var final = before.IndexOf("Your vote is final", StringComparison.Ordinal);
        Assert.True(final > 0 && final < before.IndexOf("name=\"choices\"", StringComparison.Ordinal), "The notice comes before the options.");

        await PollsPagesTenant.VoteAsync(employee, id, options[2]);
        var after = await employee.GetStringAsync($"polls/{id}");
        Assert.Contains("You took part. Your vote is anonymous and final.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"choices\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("/retract", after, StringComparison.Ordinal);
        Assert.DoesNotContain("your choice", after, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Only_the_author_and_managers_get_the_buttons_and_the_posts_behind_them()
    {
        tenant.SkipIfUnavailable();
        var (id, _) = await tenant.CreatePollAsync("Who manages this?");
        var (_, employee) = await tenant.CreateMemberAsync($"other{Guid.NewGuid():N}"[..20], "Employee");
        Assert.DoesNotContain("Manage the poll", await employee.GetStringAsync($"polls/{id}"), StringComparison.Ordinal);
        Assert.Contains("Manage the poll", await (await tenant.AdminBrowserAsync()).GetStringAsync($"polls/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"polls/{id + 100000}")).StatusCode);
    }

    [GeneratedRegex(@"/polls/(\d+)$")]
    private static partial Regex PollId();
}

[Collection(WebCollection.Name)]
public sealed class PollPagesTestsOnSqlite(PollsPagesSqliteTenant tenant) : PollPagesTests(tenant), IClassFixture<PollsPagesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollPagesTestsOnPostgres(PollsPagesPostgresTenant tenant) : PollPagesTests(tenant), IClassFixture<PollsPagesPostgresTenant>;
