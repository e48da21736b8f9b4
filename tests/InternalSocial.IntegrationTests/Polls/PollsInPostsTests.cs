using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A poll inside a post: added from the composer (a bad poll refuses the whole post), shown in the post's card for its
/// readers only, attached to a post of one's own through the API, found for a page of cards with one query.
/// </summary>
public abstract class PollsInPostsTests(PollsBridgeTenant tenant)
{
    private static readonly HtmlParser Parser = new();

    [SkippableFact]
    public async Task The_composer_adds_a_poll_to_the_post_and_a_bad_poll_refuses_the_whole_post()
    {
        tenant.SkipIfUnavailable();
        var browser = await tenant.BrowserAsync("member");
        var composer = Parser.ParseDocument(await browser.GetStringAsync("feed")).QuerySelector("form.feed-composer-form details.feed-addon")!;
        Assert.Equal("Add a poll", composer.QuerySelector("summary")!.TextContent);
        Assert.NotNull(composer.QuerySelector("label[for='Composer_addons_poll_question']"));

        var refused = await browser.SubmitAsync("feed", "posts", new Dictionary<string, string>
        {
            ["Composer.Body"] = "Lunch poll, refused",
            ["Composer.addons.poll.question"] = "Where do we eat?",
            ["Composer.addons.poll.options"] = "Only one place",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.NotEmpty(page.QuerySelector("#Composer_addons_poll_options-error")!.TextContent.Trim());
        Assert.Equal("Where do we eat?", page.QuerySelector("#Composer_addons_poll_question")!.GetAttribute("value"));
        Assert.DoesNotContain("Lunch poll, refused", await tenant.Client("member").GetStringAsync("api/v1/feed"), StringComparison.Ordinal);

        var created = await browser.SubmitAsync("feed", "posts", new Dictionary<string, string>
        {
            ["Composer.Body"] = "Lunch poll",
            ["Composer.addons.poll.question"] = "Where do we eat?",
            ["Composer.addons.poll.options"] = "Pizzeria\r\nSushi bar\r\n\r\nCanteen",
            ["Composer.addons.poll.resultsVisibility"] = "always",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var card = Parser.ParseDocument(await tenant.Client("outsider").GetStringAsync("feed")).QuerySelectorAll("article.feed-post")
            .Single(a => a.TextContent.Contains("Lunch poll", StringComparison.Ordinal));
        var poll = card.QuerySelector(".post-poll")!;
        Assert.Contains("Where do we eat?", poll.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Pizzeria", "Sushi bar", "Canteen"], poll.QuerySelectorAll(".poll-options li").Select(li => li.ChildNodes[0].TextContent.Trim()).ToArray());
    }

    [SkippableFact]
    public async Task A_poll_in_a_post_follows_the_post_s_readability()
    {
        tenant.SkipIfUnavailable();
        await tenant.SetDepartmentAsync("member", "Sales");
        await tenant.SetDepartmentAsync("outsider", "Operations");
        var forSales = await tenant.PostAsync("owner", new { body = "Sales only", audience = new { departments = new[] { "Sales" } } });
        var pollId = await tenant.CreatePollAsync("owner", new { question = "Quota review?", options = new[] { "Q1", "Q2" }, postId = forSales });
        await tenant.PollAsync("member", pollId);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("outsider").GetAsync($"api/v1/polls/{pollId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("outsider").GetAsync($"api/v1/polls?postId={forSales}")).StatusCode);

        // A post waiting for approval shows its poll to its author only, moderators of the group included.
        var group = await tenant.CreateGroupAsync("owner", new { name = "Approved " + Guid.NewGuid().ToString("N")[..6], visibility = "public", postsNeedApproval = true });
        var groupId = group.GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", groupId, "member");
        var pending = await tenant.PostAsync("member", new { body = "Waiting", audience = new { groups = new[] { groupId } } });
        var pendingPoll = await tenant.CreatePollAsync("member", new { question = "Pending?", options = new[] { "Yes", "No" }, postId = pending });
        await tenant.PollAsync("member", pendingPoll);
        foreach (var other in new[] { "owner", "outsider" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client(other).GetAsync($"api/v1/polls/{pendingPoll}")).StatusCode);
        }
    }

    [SkippableFact]
    public async Task The_api_attaches_a_poll_only_to_a_post_of_the_caller()
    {
        tenant.SkipIfUnavailable();
        var owners = await tenant.PostAsync("owner", new { body = "The owner's post" });
        var refused = await tenant.Client("outsider").PostAsJsonAsync("api/v1/polls", new { question = "Hijack?", options = new[] { "a", "b" }, postId = owners });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var missing = await tenant.Client("outsider").PostAsJsonAsync("api/v1/polls", new { question = "Nowhere?", options = new[] { "a", "b" }, postId = 987654321 });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var pollId = await tenant.CreatePollAsync("owner", new { question = "Mine?", options = new[] { "a", "b" }, postId = owners });
        Assert.Equal(owners, (await tenant.PollAsync("outsider", pollId)).GetProperty("postId").GetInt64());
        Assert.False((await tenant.PollAsync("outsider", pollId)).GetProperty("canClose").GetBoolean());
        Assert.True((await tenant.PollAsync("owner", pollId)).GetProperty("canClose").GetBoolean());
    }

    [SkippableFact]
    public async Task One_query_finds_the_polls_of_a_page_of_cards()
    {
        tenant.SkipIfUnavailable();
        for (var i = 0; i < 3; i++)
        {
            var postId = await tenant.PostAsync("groupadmin", new { body = $"Counted post {i}" });
            await tenant.CreatePollAsync("groupadmin", new { question = $"Counted poll {i}?", options = new[] { "a", "b" }, postId });
        }

        var client = tenant.Client("groupadmin");
        await tenant.SetProbeAsync(true);
        try
        {
            (await client.GetAsync("feed")).EnsureSuccessStatusCode();
            var id = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Get, "feed");
            request.Headers.Add(QueryCounter.Header, id);
            var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.True(Parser.ParseDocument(html).QuerySelectorAll(".post-poll").Length >= 3);
            var batched = QueryCounter.Commands(id).Where(c => c.Contains("Polls_Polls", StringComparison.Ordinal) && c.Contains("DISTINCT", StringComparison.Ordinal)).ToList();
            Assert.Single(batched);
        }
        finally
        {
            await tenant.SetProbeAsync(false);
        }
    }
}

[Collection(WebCollection.Name)]
public sealed class PollsInPostsSqliteTests(PollsBridgeSqliteTenant tenant) : PollsInPostsTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollsInPostsPostgresTests(PollsBridgePostgresTenant tenant) : PollsInPostsTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
