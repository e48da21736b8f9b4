using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>The feed's pages, used as a browser without JavaScript would: links and forms with antiforgery tokens.</summary>
[Collection(WebCollection.Name)]
public sealed class FeedPagesTests(FeedSqliteTenant tenant) : IClassFixture<FeedSqliteTenant>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_home_page_of_a_signed_in_employee_is_the_feed_with_a_composer_and_guidance()
    {
        var admin = await tenant.AdminBrowserAsync();
        (await admin.SubmitAsync("admin/feed", "admin/feed", new Dictionary<string, string> { ["EditorialGuidance"] = "Be kind, be brief, tag your posts." })).EnsureRedirect();
        var (_, employee) = await tenant.CreateMemberAsync("homereader", BuiltInRoles.Employee);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/posts", new { body = "Visible on the home page #home" })).ExpectJsonAsync(HttpStatusCode.Created);

        var home = Parser.ParseDocument(await employee.GetStringAsync(""));
        Assert.NotNull(home.QuerySelector("section.feed-home textarea[name='Composer.Body'][maxlength]"));
        Assert.Contains("Be kind, be brief", home.QuerySelector(".feed-guidance")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(home.QuerySelectorAll(".feed-post .post-body"), b => b.TextContent.Contains("Visible on the home page", StringComparison.Ordinal));
        Assert.NotNull(home.QuerySelector("link[href*='_content/InternalSocial.Feed/feed.css']"));

        // A guest has no organisation-wide feed: no widget, and the feed page shows nothing.
        var (_, guest) = await tenant.CreateMemberAsync("homeguest", BuiltInRoles.Guest);
        Assert.Null(Parser.ParseDocument(await guest.GetStringAsync("")).QuerySelector("section.feed-home"));
        Assert.Empty(Parser.ParseDocument(await guest.GetStringAsync("feed")).QuerySelectorAll(".feed-post"));

        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Null(Parser.ParseDocument(await anonymous.GetStringAsync("")).QuerySelector("section.feed-home"));
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("feed")).StatusCode);
    }

    [Fact]
    public async Task Posting_commenting_and_reacting_work_with_plain_forms()
    {
        var (_, employee) = await tenant.CreateMemberAsync("formwriter", BuiltInRoles.Employee);
        var empty = await employee.SubmitAsync("feed", "posts", new Dictionary<string, string> { ["Composer.Body"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write something before posting.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var posted = await employee.SubmitAsync("feed", "posts", new Dictionary<string, string> { ["Composer.Body"] = "Posted from the **form** #forms", ["Composer.Tags"] = "pages", ["returnUrl"] = $"/{tenant.Prefix}/feed" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var feed = Parser.ParseDocument(await employee.GetStringAsync("feed"));
        var card = feed.QuerySelectorAll("article.feed-post").First(a => a.TextContent.Contains("Posted from the", StringComparison.Ordinal));
        Assert.NotNull(card.QuerySelector(".post-body strong"));
        var link = card.QuerySelector("a.feed-time")!.GetAttribute("href")!;
        var id = link[(link.LastIndexOf('/') + 1)..];

        var commented = await employee.SubmitAsync($"posts/{id}", $"posts/{id}/comments", new Dictionary<string, string> { ["body"] = "A comment from the form" });
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        var reacted = await employee.SubmitAsync($"posts/{id}", $"posts/{id}/react", new Dictionary<string, string> { ["type"] = "celebrate" });
        Assert.Equal(HttpStatusCode.Redirect, reacted.StatusCode);

        var page = Parser.ParseDocument(await employee.GetStringAsync($"posts/{id}"));
        Assert.Contains("A comment from the form", page.QuerySelector(".comment-body")!.TextContent, StringComparison.Ordinal);
        var pressed = page.QuerySelector("button.feed-reaction[aria-pressed='true']")!;
        Assert.Equal("celebrate", pressed.GetAttribute("value"));
        Assert.Equal("1", pressed.QuerySelector(".feed-count")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".feed-tags a"), a => a.TextContent == "#pages");
    }

    [Fact]
    public async Task A_tag_page_lists_its_posts_and_following_it_fills_the_following_filter()
    {
        var (_, author) = await tenant.CreateMemberAsync("tagauthor", BuiltInRoles.Employee);
        var (_, reader) = await tenant.CreateMemberAsync("tagreader", BuiltInRoles.Employee);
        await (await author.PostAsJsonAsync("api/v1/posts", new { body = "Wear your helmet #Helmets" })).ExpectJsonAsync(HttpStatusCode.Created);
        await (await author.PostAsJsonAsync("api/v1/posts", new { body = "Unrelated news" })).ExpectJsonAsync(HttpStatusCode.Created);

        var tagPage = Parser.ParseDocument(await reader.GetStringAsync("tags/helmets"));
        Assert.Equal("#helmets", tagPage.QuerySelector("h1")!.TextContent);
        Assert.Single(tagPage.QuerySelectorAll("article.feed-post"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("tags/not%20a%20tag")).StatusCode);

        Assert.Empty(Parser.ParseDocument(await reader.GetStringAsync("feed?filter=following")).QuerySelectorAll("article.feed-post"));
        (await reader.SubmitAsync("tags/helmets", "tags/helmets/follow", new Dictionary<string, string> { ["follow"] = "true" })).EnsureRedirect();
        var following = Parser.ParseDocument(await reader.GetStringAsync("feed?filter=following"));
        Assert.Single(following.QuerySelectorAll("article.feed-post"));
        Assert.Equal("page", following.QuerySelector(".feed-filters a[aria-current]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task A_targeted_post_page_is_not_found_for_people_outside_its_audience()
    {
        var (_, outsider) = await tenant.CreateMemberAsync("pageoutsider", BuiltInRoles.Employee);
        var id = (await (await tenant.Admin.PostAsJsonAsync("api/v1/posts", new { body = "Board only #boardroom", audience = new { departments = new[] { "Board" } } })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"posts/{id}")).StatusCode);
        Assert.DoesNotContain("Board only", await outsider.GetStringAsync("tags/boardroom"), StringComparison.Ordinal);
        Assert.DoesNotContain("Board only", await outsider.GetStringAsync("feed"), StringComparison.Ordinal);
        Assert.DoesNotContain("Board only", await outsider.GetStringAsync(""), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await tenant.AdminBrowserAsync()).GetAsync($"posts/{id}")).StatusCode);
    }
}

internal static class RedirectAssertions
{
    public static void EnsureRedirect(this HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}.");
}
