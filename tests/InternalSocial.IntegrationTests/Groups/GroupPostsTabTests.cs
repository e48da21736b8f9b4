using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Groups;

/// <summary>The group space's Posts tab: the feed's cards for the group's posts, a composer that posts into the group, cursor paging.</summary>
[Collection(WebCollection.Name)]
public sealed partial class GroupPostsTabTests(GroupPostsTabTests.Fixture fixture) : IClassFixture<GroupPostsTabTests.Fixture>
{
    private GroupsSqliteTenant Tenant => fixture.Tenant;

    [Fact]
    public async Task A_member_posts_from_the_tab_and_the_post_is_in_the_group_only_while_bad_input_is_refused_on_the_page()
    {
        var group = await Tenant.CreateGroupAsync("owner", new { name = "Tab Private Rr3", visibility = "private" });
        var (id, slug) = (group.GetProperty("id").GetInt64(), group.GetProperty("slug").GetString());
        await Tenant.AddMemberAsync("owner", id, "member");
        using var pages = await Tenant.BrowserAsync("member");

        Assert.Contains($"groups/{slug}/posts", await pages.GetStringAsync($"groups/{slug}"), StringComparison.Ordinal);
        var posted = await pages.SubmitAsync($"groups/{slug}/posts", $"groups/{slug}/posts", new Dictionary<string, string> { ["Composer.Body"] = "Posted from the tab Tt1" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith($"/groups/{slug}/posts", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Posted from the tab Tt1", await pages.GetStringAsync($"groups/{slug}/posts"), StringComparison.Ordinal);

        // The post went to the group: in its feed, and not to the organisation's (the outsider's home feed).
        var groupFeed = await (await Tenant.Client("member").GetAsync($"api/v1/groups/{id}/feed")).ExpectJsonAsync(HttpStatusCode.OK);
        var item = Assert.Single(groupFeed.GetProperty("items").EnumerateArray());
        Assert.Contains("Posted from the tab Tt1", item.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Tt1", await Tenant.Client("outsider").GetStringAsync("api/v1/feed"), StringComparison.Ordinal);

        var empty = await pages.SubmitAsync($"groups/{slug}/posts", $"groups/{slug}/posts", new Dictionary<string, string> { ["Composer.Body"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("field-error", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await (await Tenant.Client("member").GetAsync($"api/v1/groups/{id}/feed")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_tab_pages_with_a_cursor_and_shows_no_composer_to_a_reader_who_may_not_post()
    {
        var group = await Tenant.CreateGroupAsync("owner", new { name = "Tab Public Pg2", visibility = "public" });
        var (id, slug) = (group.GetProperty("id").GetInt64(), group.GetProperty("slug").GetString());
        for (var i = 1; i <= 23; i++)
        {
            await (await Tenant.Client("owner").PostAsJsonAsync("api/v1/posts", new { body = $"Paged post number P{i:00}x", audience = new { groups = new[] { id } } })).ExpectJsonAsync(HttpStatusCode.Created);
        }

        // The outsider reads the public group but is not a member: no composer, and a post sent anyway is refused.
        using var pages = await Tenant.BrowserAsync("outsider");
        var first = await pages.GetStringAsync($"groups/{slug}/posts");
        Assert.DoesNotContain("Composer.Body", first, StringComparison.Ordinal);
        Assert.Equal(20, PostNumbers().Matches(first).Select(m => m.Value).Distinct().Count());
        Assert.Contains("P23x", first, StringComparison.Ordinal);
        Assert.DoesNotContain("P03x", first, StringComparison.Ordinal);
        var next = WebUtility.HtmlDecode(OlderLink().Match(first).Groups[1].Value);
        Assert.StartsWith($"/{Tenant.Prefix}/groups/{slug}/posts?cursor=", next, StringComparison.Ordinal);
        var second = await pages.GetStringAsync(next.TrimStart('/')[(Tenant.Prefix.Length + 1)..]);
        Assert.Equal(["P03x", "P02x", "P01x"], PostNumbers().Matches(second).Select(m => m.Value).Distinct());
        Assert.DoesNotMatch(OlderLink(), second);

        using var owner = await Tenant.BrowserAsync("owner");
        var ownerPage = await owner.GetStringAsync($"groups/{slug}/posts");
        Assert.Contains("Composer.Body", ownerPage, StringComparison.Ordinal);
        // The group page's "Join" form gives the antiforgery token a real form would carry.
        var token = WebUtility.HtmlDecode(Antiforgery().Match(await pages.GetStringAsync($"groups/{slug}")).Groups[1].Value);
        var sneaked = await pages.PostAsync($"groups/{slug}/posts", new FormUrlEncodedContent(new Dictionary<string, string> { ["Composer.Body"] = "Sneaking in", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, sneaked.StatusCode);
        Assert.DoesNotContain("Sneaking in", await Tenant.Client("owner").GetStringAsync($"api/v1/groups/{id}/feed?pageSize=50"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_that_switches_its_posts_module_off_has_no_posts_tab()
    {
        var group = await Tenant.CreateGroupAsync("owner", new { name = "Tab Off Of9" });
        var (id, slug) = (group.GetProperty("id").GetInt64(), group.GetProperty("slug").GetString());
        await (await Tenant.Client("owner").PutAsJsonAsync($"api/v1/groups/{id}/modules/posts", new { enabled = false })).ExpectJsonAsync(HttpStatusCode.NoContent);
        using var pages = await Tenant.BrowserAsync("owner");
        Assert.DoesNotContain($"groups/{slug}/posts", await pages.GetStringAsync($"groups/{slug}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"groups/{slug}/posts")).StatusCode);

        // Nor does it take posts through the API.
        var refused = await Tenant.Client("owner").PostAsJsonAsync("api/v1/posts", new { body = "Posts are off here", audience = new { groups = new[] { id } } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("Posts are off here", await Tenant.Client("owner").GetStringAsync($"api/v1/groups/{id}/feed"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"P\d\dx")]
    private static partial Regex PostNumbers();

    [GeneratedRegex("<a class=\"button\" rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex OlderLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    public sealed class Fixture : IAsyncLifetime
    {
        public GroupsSqliteTenant Tenant { get; } = new();

        public async Task InitializeAsync()
        {
            await Tenant.InitializeAsync();
            foreach (var feature in new[] { "InternalSocial.Feed", "InternalSocial.Feed.Groups" })
            {
                await (await Tenant.Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }
        }

        public Task DisposeAsync() => Tenant.DisposeAsync();
    }
}
