using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>Tag curation by administrators and communication directors: the API and the administration page.</summary>
[Collection(WebCollection.Name)]
public sealed class FeedTagCurationTests(FeedSqliteTenant tenant) : IClassFixture<FeedSqliteTenant>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Curators_describe_mark_official_and_pin_tags_and_everyone_else_is_refused()
    {
        var (_, employee) = await tenant.CreateMemberAsync("curation-employee", BuiltInRoles.Employee);
        var (_, director) = await tenant.CreateMemberAsync("curation-director", BuiltInRoles.CommunicationDirector);

        await (await employee.PutAsJsonAsync("api/v1/feed/tags/safety", new { description = "Mine", official = true })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.GetAsync("api/v1/feed/tags/curation")).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var saved = await (await director.PutAsJsonAsync("api/v1/feed/tags/%23Safety", new { description = "Work safely, every day.", official = true, pinned = true })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("safety", saved.GetProperty("name").GetString());
        Assert.True(saved.GetProperty("isPinned").GetBoolean());
        await (await tenant.Admin.PutAsJsonAsync("api/v1/feed/tags/canteen", new { description = "Menus", official = true })).ExpectJsonAsync(HttpStatusCode.OK);

        // Everyone sees the curated tags, pinned first, with their description.
        var tags = (await (await employee.GetAsync("api/v1/feed/tags")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal("safety", tags[0].GetProperty("name").GetString());
        Assert.Equal("Work safely, every day.", tags[0].GetProperty("description").GetString());
        Assert.Contains(tags, t => t.GetProperty("name").GetString() == "canteen" && t.GetProperty("isOfficial").GetBoolean() && !t.GetProperty("isPinned").GetBoolean());

        // Fields left out keep their value.
        var unpinned = await (await director.PutAsJsonAsync("api/v1/feed/tags/safety", new { pinned = false })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(unpinned.GetProperty("isPinned").GetBoolean());
        Assert.Equal("Work safely, every day.", unpinned.GetProperty("description").GetString());

        var badName = await (await director.PutAsJsonAsync("api/v1/feed/tags/not%20a%20tag", new { description = "x" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badName.GetProperty("errors").TryGetProperty("name", out _));
        var longDescription = await (await director.PutAsJsonAsync("api/v1/feed/tags/safety", new { description = new string('a', 301) })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(longDescription.GetProperty("errors").TryGetProperty("description", out _));

        await (await employee.DeleteAsync("api/v1/feed/tags/canteen")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await director.DeleteAsync("api/v1/feed/tags/canteen")).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await director.DeleteAsync("api/v1/feed/tags/canteen")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await employee.GetAsync("api/v1/feed/tags")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray(), t => t.GetProperty("name").GetString() == "canteen");
    }

    [Fact]
    public async Task The_administration_page_lists_curated_and_most_used_tags_and_saves_each_row_with_errors_beside_the_field()
    {
        await (await tenant.Admin.PostAsJsonAsync("api/v1/posts", new { body = "Lunch talk #brownbag" })).ExpectJsonAsync(HttpStatusCode.Created);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/posts", new { body = "Another one #brownbag" })).ExpectJsonAsync(HttpStatusCode.Created);
        var admin = await tenant.AdminBrowserAsync();

        var page = Parser.ParseDocument(await admin.GetStringAsync("admin/feed/tags"));
        var suggestion = page.QuerySelectorAll(".feed-tag-suggestions li").Single(li => li.TextContent.Contains("#brownbag", StringComparison.Ordinal));
        Assert.Contains("2 posts", suggestion.TextContent, StringComparison.Ordinal);

        // "Make official" on a suggestion, then describe and pin it in its row.
        (await admin.SubmitAsync("admin/feed/tags", "admin/feed/tags", new Dictionary<string, string> { ["Name"] = "brownbag", ["Official"] = "true" })).EnsureRedirect();
        (await admin.SubmitAsync("admin/feed/tags", "admin/feed/tags", new Dictionary<string, string> { ["Name"] = "brownbag", ["Description"] = "Lunch talks", ["Official"] = "true", ["Pinned"] = "true" })).EnsureRedirect();
        page = Parser.ParseDocument(await admin.GetStringAsync("admin/feed/tags"));
        var row = page.QuerySelector("#tag-brownbag")!;
        Assert.Equal("Lunch talks", row.QuerySelector("input[name='Description']")!.GetAttribute("value"));
        Assert.NotNull(row.QuerySelector("input[name='Pinned'][checked]"));
        Assert.NotNull(page.QuerySelector("label[for='tag-brownbag-description']"));
        Assert.DoesNotContain(page.QuerySelectorAll(".feed-tag-suggestions li"), li => li.TextContent.Contains("#brownbag", StringComparison.Ordinal));

        var refused = await admin.SubmitAsync("admin/feed/tags", "admin/feed/tags", new Dictionary<string, string> { ["Name"] = "brownbag", ["Description"] = new string('x', 301) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = Parser.ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("#tag-brownbag-error")!;
        Assert.Contains("300", error.TextContent, StringComparison.Ordinal);

        var badName = await admin.SubmitAsync("admin/feed/tags", "admin/feed/tags", new Dictionary<string, string> { ["Name"] = "two words" });
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(Parser.ParseDocument(await badName.Content.ReadAsStringAsync()).QuerySelector("#new-tag-name-error")!.TextContent));

        (await admin.SubmitAsync("admin/feed/tags", "admin/feed/tags/brownbag/remove", new Dictionary<string, string>())).EnsureRedirect();
        Assert.Null(Parser.ParseDocument(await admin.GetStringAsync("admin/feed/tags")).QuerySelector("#tag-brownbag"));

        // Communication directors curate tags from the same page.
        var (_, director) = await tenant.CreateMemberAsync("curation-page-director", BuiltInRoles.CommunicationDirector);
        var directorPage = await director.GetAsync("admin/feed/tags");
        Assert.Equal(HttpStatusCode.OK, directorPage.StatusCode);
        Assert.NotNull(Parser.ParseDocument(await directorPage.Content.ReadAsStringAsync()).QuerySelector("form[action$='/admin/feed/tags'] input[name='Name']"));
        (await director.SubmitAsync("admin/feed/tags", "admin/feed/tags", new Dictionary<string, string> { ["Name"] = "townhall", ["Description"] = "Monthly town hall", ["Official"] = "true" })).EnsureRedirect();
        Assert.NotNull(Parser.ParseDocument(await admin.GetStringAsync("admin/feed/tags")).QuerySelector("#tag-townhall"));

        var (_, employee) = await tenant.CreateMemberAsync("curation-page-employee", BuiltInRoles.Employee);
        var denied = await employee.GetAsync("admin/feed/tags");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }
}

/// <summary>
/// The posting rate limit is a per-tenant feed setting (the test host's default is high): this class's own tenant
/// sets a low one, so no other test is slowed down.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FeedRateLimitTests(FeedSqliteTenant tenant) : IClassFixture<FeedSqliteTenant>
{
    [Fact]
    public async Task Posting_over_the_tenant_s_limit_gets_429_with_retry_after_and_the_limit_is_per_person()
    {
        var (_, employee) = await tenant.CreateMemberAsync("limit-employee", BuiltInRoles.Employee);
        var (_, other) = await tenant.CreateMemberAsync("limit-other", BuiltInRoles.Employee);

        await (await employee.PutAsJsonAsync("api/v1/feed/settings", new { postsPerMinute = 2 })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var invalid = await (await tenant.Admin.PutAsJsonAsync("api/v1/feed/settings", new { postsPerMinute = 0 })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("postsPerMinute", out _));
        var defaults = await (await tenant.Admin.GetAsync("api/v1/feed/settings")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1000, defaults.GetProperty("effectivePostsPerMinute").GetInt32());

        var set = await (await tenant.Admin.PutAsJsonAsync("api/v1/feed/settings", new { postsPerMinute = 2 })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, set.GetProperty("postsPerMinute").GetInt32());

        await (await employee.PostAsJsonAsync("api/v1/posts", new { body = "First" })).ExpectJsonAsync(HttpStatusCode.Created);
        var postId = (await (await employee.PostAsJsonAsync("api/v1/posts", new { body = "Second" })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var refused = await employee.PostAsJsonAsync("api/v1/posts", new { body = "Third, too fast" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // Comments count in the same window; nothing was written by the refused requests.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await employee.PostAsJsonAsync($"api/v1/posts/{postId}/comments", new { body = "Also too fast" })).StatusCode);
        var mine = await (await employee.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("body").GetString() == "Third, too fast");

        // Another person has their own window.
        await (await other.PostAsJsonAsync("api/v1/posts", new { body = "Someone else" })).ExpectJsonAsync(HttpStatusCode.Created);

        // Back to the host's default: the next request is measured against it.
        await (await tenant.Admin.PutAsJsonAsync("api/v1/feed/settings", new { postsPerMinute = (int?)null })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await employee.PostAsJsonAsync("api/v1/posts", new { body = "Allowed again" })).ExpectJsonAsync(HttpStatusCode.Created);
    }
}
