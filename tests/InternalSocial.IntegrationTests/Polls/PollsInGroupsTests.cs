using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// Standalone polls in groups: the group's rules decide, on every request. A poll in a secret group does not exist for
/// those outside it, by any route; a member who leaves loses it at once; a guest reaches only the polls of their groups.
/// </summary>
public abstract class PollsInGroupsTests(PollsBridgeTenant tenant)
{
    private static readonly HtmlParser Parser = new();

    [SkippableFact]
    public async Task A_poll_in_a_secret_group_answers_404_to_non_members_on_every_route()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Merger " + Guid.NewGuid().ToString("N")[..6], visibility = "secret" });
        var (groupId, slug) = (group.GetProperty("id").GetInt64(), group.GetProperty("slug").GetString()!);
        await tenant.AddMemberAsync("owner", groupId, "member");
        var pollId = await tenant.CreatePollAsync("owner", new { question = "Which code name?", options = new[] { "Falcon", "Heron" }, groupId });
        var optionId = (await tenant.PollAsync("member", pollId)).GetProperty("options")[0].GetProperty("id").GetInt64();
        (await tenant.Client("member").GetAsync($"groups/{slug}/polls")).EnsureSuccessStatusCode();

        Func<HttpClient, Task<HttpResponseMessage>>[] routes =
        [
            c => c.GetAsync($"api/v1/polls/{pollId}"),
            c => c.PostAsJsonAsync($"api/v1/polls/{pollId}/votes", new { choices = new[] { optionId } }),
            c => c.DeleteAsync($"api/v1/polls/{pollId}/votes"),
            c => c.PostAsync($"api/v1/polls/{pollId}/close", null),
            c => c.PostAsJsonAsync($"api/v1/polls/{pollId}/reopen", new { }),
            c => c.GetAsync($"api/v1/polls/{pollId}/results"),
            c => c.GetAsync($"api/v1/polls/{pollId}/results.csv"),
            c => c.DeleteAsync($"api/v1/polls/{pollId}"),
            c => c.GetAsync($"api/v1/polls?groupId={groupId}"),
            c => c.GetAsync($"groups/{slug}/polls"),
            c => c.GetAsync($"groups/{groupId}/polls"),
        ];
        foreach (var person in new[] { "outsider", "guest" })
        {
            for (var i = 0; i < routes.Length; i++)
            {
                var response = await routes[i](tenant.Client(person));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{person}, route {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        // Creating one there is refused as for a group that does not exist (a guest may create no poll at all: 403 anywhere).
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("outsider").PostAsJsonAsync("api/v1/polls", new { question = "Mine?", options = new[] { "a", "b" }, groupId })).StatusCode);

        // The poll is untouched, and still there for its members.
        var poll = await tenant.PollAsync("member", pollId);
        Assert.False(poll.GetProperty("closed").GetBoolean());
    }

    [SkippableFact]
    public async Task A_member_who_leaves_loses_the_poll_on_the_next_request()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Leavers " + Guid.NewGuid().ToString("N")[..6], visibility = "private" });
        var groupId = group.GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", groupId, "member");
        var pollId = await tenant.CreatePollAsync("owner", new { question = "Stay or go?", options = new[] { "Stay", "Go" }, groupId });
        await tenant.PollAsync("member", pollId);

        await (await tenant.Client("member").PostAsync($"api/v1/groups/{groupId}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("member").GetAsync($"api/v1/polls/{pollId}")).StatusCode);
    }

    [SkippableFact]
    public async Task A_guest_sees_only_the_polls_of_their_groups()
    {
        tenant.SkipIfUnavailable();
        var theirs = (await tenant.CreateGroupAsync("owner", new { name = "Client project " + Guid.NewGuid().ToString("N")[..6], visibility = "private" })).GetProperty("id").GetInt64();
        var open = (await tenant.CreateGroupAsync("owner", new { name = "Open to staff " + Guid.NewGuid().ToString("N")[..6], visibility = "public" })).GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", theirs, "guest");
        var inTheirs = await tenant.CreatePollAsync("owner", new { question = "Kick-off date?", options = new[] { "Monday", "Friday" }, groupId = theirs });
        var inOpen = await tenant.CreatePollAsync("owner", new { question = "Canteen menu?", options = new[] { "Pasta", "Curry" }, groupId = open });
        var postId = await tenant.PostAsync("owner", new { body = "For all staff" });
        var inPost = await tenant.CreatePollAsync("owner", new { question = "Staff party theme?", options = new[] { "Disco", "Jungle" }, postId });

        Assert.Equal("Kick-off date?", (await tenant.PollAsync("guest", inTheirs)).GetProperty("question").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("guest").GetAsync($"api/v1/polls/{inOpen}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("guest").GetAsync($"api/v1/polls/{inPost}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("guest").GetAsync($"api/v1/polls?groupId={open}")).StatusCode);

        // An employee outside both groups reads the public group's poll, as they read its posts.
        await tenant.PollAsync("outsider", inOpen);
    }

    [SkippableFact]
    public async Task The_polls_tab_lists_the_group_s_polls_and_creates_one_from_its_form()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Tab " + Guid.NewGuid().ToString("N")[..6], visibility = "private" });
        var (groupId, slug) = (group.GetProperty("id").GetInt64(), group.GetProperty("slug").GetString()!);
        await tenant.AddMemberAsync("owner", groupId, "member");
        var browser = await tenant.BrowserAsync("member");

        var page = Parser.ParseDocument(await browser.GetStringAsync($"groups/{slug}/polls"));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href")!.EndsWith($"/groups/{slug}/polls", StringComparison.Ordinal) && a.GetAttribute("aria-current") == "page");
        Assert.NotNull(page.QuerySelector("textarea[name='Poll.options']"));

        var refused = await browser.SubmitAsync($"groups/{slug}/polls", $"groups/{slug}/polls", new Dictionary<string, string> { ["Poll.question"] = "Only one?", ["Poll.options"] = "Alone" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEmpty(Parser.ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("#Poll_options-error")!.TextContent);

        var created = await browser.SubmitAsync($"groups/{slug}/polls", $"groups/{slug}/polls", new Dictionary<string, string>
        {
            ["Poll.question"] = "Offsite venue?",
            ["Poll.options"] = "Lake\nMountain\nCity",
            ["Poll.multiple"] = "true",
            ["Poll.maxChoices"] = "2",
            ["Poll.resultsVisibility"] = "afterVote",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var listed = await (await tenant.Client("owner").GetAsync($"api/v1/polls?groupId={groupId}")).ExpectJsonAsync(HttpStatusCode.OK);
        var poll = Assert.Single(listed.GetProperty("polls").EnumerateArray());
        Assert.Equal("Offsite venue?", poll.GetProperty("question").GetString());
        Assert.Equal(3, poll.GetProperty("options").GetArrayLength());
        Assert.Contains("Offsite venue?", await browser.GetStringAsync($"groups/{slug}/polls"), StringComparison.Ordinal);
    }
}

[Collection(WebCollection.Name)]
public sealed class PollsInGroupsSqliteTests(PollsBridgeSqliteTenant tenant) : PollsInGroupsTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollsInGroupsPostgresTests(PollsBridgePostgresTenant tenant) : PollsInGroupsTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
