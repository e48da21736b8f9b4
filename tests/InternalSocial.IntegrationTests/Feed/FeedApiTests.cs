using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>The feed's API: posting, rendering safely, reactions under concurrency, paging, visibility, time, and bad input.</summary>
public abstract class FeedApiTests(FeedTenant tenant)
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "rel", "class", "data-user-id" };

    /// <summary>From the OWASP XSS Filter Evasion Cheat Sheet and PortSwigger's XSS cheat sheet, plus Markdown-specific link tricks.</summary>
    public static TheoryData<string> XssPayloads() =>
    [
        "<script>alert('XSS')</script>",
        "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<iframe src=http://xss.example/scriptlet.html <",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<svg/onload=alert('XSS')>",
        "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</p>",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "[click me](javascript:alert(1))",
        "[click me](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![img](javascript:alert(1))",
        "![x](https://example.com/x.png\"onerror=\"alert(1))",
        "[a](vbscript:msgbox(1))",
        "<form action=javascript:alert(1)><button>go</button></form>",
        "\"><script>alert(1)</script>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "#tag\"><img src=x onerror=alert(1)>",
        "@admin\"><svg onload=alert(1)>",
    ];

    [SkippableTheory]
    [MemberData(nameof(XssPayloads))]
    public async Task No_xss_payload_reaches_the_page_or_the_api_unsanitized(string payload)
    {
        tenant.SkipIfUnavailable();
        var created = await (await tenant.Admin.PostAsJsonAsync("api/v1/posts", new { body = payload + "\n\nafter " + payload })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        await (await tenant.Admin.PostAsJsonAsync($"api/v1/posts/{id}/comments", new { body = payload })).ExpectJsonAsync(HttpStatusCode.Created);

        var post = await (await tenant.Admin.GetAsync($"api/v1/posts/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        AssertSafe(post.GetProperty("html").GetString()!, payload);
        AssertSafe(post.GetProperty("comments")[0].GetProperty("html").GetString()!, payload);

        var browser = await tenant.AdminBrowserAsync();
        var page = await browser.GetAsync($"posts/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var rendered = document.QuerySelectorAll(".post-body, .comment-body").ToList();
        Assert.True(rendered.Count >= 2, "The post page shows the post and its comment.");
        foreach (var element in rendered)
        {
            AssertSafe(element.InnerHtml, payload);
        }

        Assert.DoesNotContain(document.QuerySelectorAll("script"), s => s.GetAttribute("src") is null && s.TextContent.Contains("alert", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Markdown_links_tags_and_mentions_are_rendered_as_links()
    {
        tenant.SkipIfUnavailable();
        var (aliceId, _) = await tenant.CreateMemberAsync("alice", BuiltInRoles.Employee);
        var created = await (await tenant.Admin.PostAsJsonAsync("api/v1/posts", new { body = "Hello **team** #Safety first, thanks @alice and @nobody-here. See https://example.com/x", tags = new[] { "hr" } })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Published", created.GetProperty("status").GetString());
        var post = await (await tenant.Admin.GetAsync($"api/v1/posts/{created.GetProperty("id").GetInt64()}")).ExpectJsonAsync(HttpStatusCode.OK);
        var html = new HtmlParser().ParseDocument("<body>" + post.GetProperty("html").GetString()).Body!;
        Assert.NotNull(html.QuerySelector("strong"));
        Assert.Equal($"/{tenant.Prefix}/tags/safety", html.QuerySelector("a.hashtag")!.GetAttribute("href"));
        var mention = html.QuerySelector("a.mention")!;
        Assert.Equal($"/{tenant.Prefix}/people/alice", mention.GetAttribute("href"));
        Assert.Equal(aliceId, mention.GetAttribute("data-user-id"));
        Assert.Single(html.QuerySelectorAll("a.mention"));
        var link = html.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == "https://example.com/x");
        Assert.Equal("nofollow noopener ugc", link.GetAttribute("rel"));
        Assert.Equal(["hr", "safety"], post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [SkippableFact]
    public async Task A_hundred_concurrent_reactions_by_a_hundred_people_count_a_hundred()
    {
        tenant.SkipIfUnavailable();
        var id = await PostAsync(tenant.Admin, "React to this");
        var people = new List<HttpClient>();
        for (var i = 0; i < 100; i++)
        {
            people.Add((await tenant.CreateMemberAsync($"reactor{i:D3}", BuiltInRoles.Employee)).Client);
        }

        using var start = new SemaphoreSlim(0);
        var reactions = people.Select(async (client, i) =>
        {
            await start.WaitAsync();
            return await client.PostAsJsonAsync($"api/v1/posts/{id}/reactions", new { type = i % 2 == 0 ? "like" : "celebrate" });
        }).ToList();
        start.Release(people.Count);
        foreach (var response in await Task.WhenAll(reactions))
        {
            await response.ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        // Reacting again changes the reaction; it never adds a second one.
        await (await people[0].PostAsJsonAsync($"api/v1/posts/{id}/reactions", new { type = "funny" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        var post = await (await tenant.Admin.GetAsync($"api/v1/posts/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        var counts = post.GetProperty("reactions").EnumerateArray().ToDictionary(r => r.GetProperty("type").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.Equal(100, counts.Values.Sum());
        Assert.Equal(new Dictionary<string, int> { ["like"] = 49, ["celebrate"] = 50, ["funny"] = 1 }, counts);
        var who = await (await people[5].GetAsync($"api/v1/posts/{id}/reactions")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(100, who.GetArrayLength());
        foreach (var client in people)
        {
            client.Dispose();
        }

        await (await tenant.Admin.PostAsJsonAsync($"api/v1/posts/{id}/reactions", new { type = "hate" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task Paging_while_posts_are_added_returns_every_older_post_exactly_once()
    {
        tenant.SkipIfUnavailable();
        var (_, author) = await tenant.CreateMemberAsync("pager", BuiltInRoles.Employee);
        await (await tenant.Admin.PutAsync("api/v1/feed/follows/people/pager", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        var older = new List<long>();
        for (var i = 0; i < 45; i++)
        {
            older.Add(await PostAsync(author, $"Older post {i}"));
        }

        var seen = new List<long>();
        string? cursor = null;
        var added = 0;
        do
        {
            var page = await (await tenant.Admin.GetAsync($"api/v1/feed?filter=following&pageSize=10&cursor={Uri.EscapeDataString(cursor ?? "")}")).ExpectJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();

            // New posts arrive between page loads; none may push an older one into a page already read.
            await PostAsync(author, $"Newer post {added++}");
            await PostAsync(author, $"Newer post {added++}");
        }
        while (cursor is not null);

        older.Reverse();
        Assert.Equal(older, seen);
        await (await tenant.Admin.GetAsync("api/v1/feed?cursor=not-a-cursor")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.DeleteAsync("api/v1/feed/follows/people/pager")).ExpectJsonAsync(HttpStatusCode.NoContent);
    }

    [SkippableFact]
    public async Task A_targeted_post_is_invisible_by_page_and_api_to_people_outside_its_audience()
    {
        tenant.SkipIfUnavailable();
        var (_, outsider) = await tenant.CreateMemberAsync("outsider", BuiltInRoles.Employee);
        var id = await PostAsync(tenant.Admin, "Only for sales #targeted", new { departments = new[] { "Sales" } });
        var open = await PostAsync(tenant.Admin, "For everyone #targeted");

        await (await outsider.GetAsync($"api/v1/posts/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"api/v1/posts/{open}")).ExpectJsonAsync(HttpStatusCode.OK);
        var feed = await (await outsider.GetAsync("api/v1/feed?filter=tag:targeted")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal([open], feed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        await (await outsider.PostAsJsonAsync($"api/v1/posts/{id}/comments", new { body = "sneaky" })).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsJsonAsync($"api/v1/posts/{id}/reactions", new { type = "like" })).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"api/v1/posts/{id}/reactions")).ExpectProblemAsync(HttpStatusCode.NotFound);

        // The author still sees it.
        await (await tenant.Admin.GetAsync($"api/v1/posts/{id}")).ExpectJsonAsync(HttpStatusCode.OK);

        // A guest has no Feed.View: the organisation-wide feed is closed to them, and so is posting to it.
        var (_, guest) = await tenant.CreateMemberAsync("guest1", BuiltInRoles.Guest);
        await (await guest.GetAsync($"api/v1/posts/{open}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await guest.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        await (await guest.PostAsJsonAsync("api/v1/posts", new { body = "hello" })).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task An_expired_post_disappears_and_a_scheduled_one_appears_at_its_time()
    {
        tenant.SkipIfUnavailable();
        var (_, reader) = await tenant.CreateMemberAsync("timereader", BuiltInRoles.Employee);
        var clock = tenant.Host.Clock;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var expiring = await PostAsync(tenant.Admin, "Canteen closed today #timed", expiresAt: now.AddHours(1));
            var scheduled = await PostAsync(tenant.Admin, "Results are out #timed", publishAt: now.AddHours(2));
            Assert.Equal([expiring], await TagFeedAsync(reader, "timed"));
            await (await reader.GetAsync($"api/v1/posts/{scheduled}")).ExpectProblemAsync(HttpStatusCode.NotFound);

            clock.Advance(TimeSpan.FromMinutes(90));
            Assert.Empty(await TagFeedAsync(reader, "timed"));
            await (await reader.GetAsync($"api/v1/posts/{expiring}")).ExpectProblemAsync(HttpStatusCode.NotFound);

            clock.Advance(TimeSpan.FromMinutes(31));
            Assert.Equal([scheduled], await TagFeedAsync(reader, "timed"));
            await (await reader.GetAsync($"api/v1/posts/{scheduled}")).ExpectJsonAsync(HttpStatusCode.OK);
        }
        finally
        {
            clock.Reset();
        }
    }

    [SkippableFact]
    public async Task A_feed_page_costs_the_same_small_number_of_queries_whatever_the_number_of_posts()
    {
        tenant.SkipIfUnavailable();
        var (_, author) = await tenant.CreateMemberAsync("counted", BuiltInRoles.Employee);
        var (_, other) = await tenant.CreateMemberAsync("commenter", BuiltInRoles.Employee);
        for (var i = 0; i < 20; i++)
        {
            var id = await PostAsync(author, $"Counted post {i} #counted{(i < 5 ? " #fewcounted" : "")}");
            await (await other.PostAsJsonAsync($"api/v1/posts/{id}/comments", new { body = $"Comment on {i}" })).ExpectJsonAsync(HttpStatusCode.Created);
            await (await tenant.Admin.PostAsJsonAsync($"api/v1/posts/{id}/comments", new { body = $"Another on {i} @counted" })).ExpectJsonAsync(HttpStatusCode.Created);
            await (await other.PostAsJsonAsync($"api/v1/posts/{id}/reactions", new { type = "like" })).ExpectJsonAsync(HttpStatusCode.NoContent);
            await (await tenant.Admin.PostAsJsonAsync($"api/v1/posts/{id}/reactions", new { type = "support" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        var twenty = await CountQueriesAsync("api/v1/feed?filter=tag:counted&pageSize=20", expectedItems: 20);
        var five = await CountQueriesAsync("api/v1/feed?filter=tag:fewcounted&pageSize=20", expectedItems: 5);
        Assert.True(five.Count == twenty.Count, "20 posts:\n" + string.Join("\n---\n", twenty) + "\n\n5 posts:\n" + string.Join("\n---\n", five));
        Assert.InRange(twenty.Count, 1, 12);
    }

    [SkippableFact]
    public async Task Bad_input_is_refused_naming_the_problem_and_nothing_is_stored()
    {
        tenant.SkipIfUnavailable();
        var (_, writer) = await tenant.CreateMemberAsync("badinput", BuiltInRoles.Employee);
        await (await tenant.Admin.PutAsync("api/v1/feed/follows/people/badinput", null)).ExpectJsonAsync(HttpStatusCode.NoContent);

        var empty = await (await writer.PostAsJsonAsync("api/v1/posts", new { body = "   " })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("body", out _));
        var tooLong = await (await writer.PostAsJsonAsync("api/v1/posts", new { body = new string('x', 5001) })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("5000", tooLong.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        var badTags = await (await writer.PostAsJsonAsync("api/v1/posts", new { body = "ok", tags = new[] { "no spaces allowed" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badTags.GetProperty("errors").TryGetProperty("tags", out _));
        var groups = await (await writer.PostAsJsonAsync("api/v1/posts", new { body = "to a group", audience = new { groups = new[] { 4 } } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(groups.GetProperty("errors").TryGetProperty("audience.groups", out _));
        var expiry = await (await writer.PostAsJsonAsync("api/v1/posts", new { body = "ok", expiresAt = DateTime.UtcNow.AddDays(-1) })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(expiry.GetProperty("errors").TryGetProperty("expiresAt", out _));
        await (await writer.PostAsJsonAsync("api/v1/posts", new { body = "announce", announcement = true })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var filesBefore = CountStoredFiles();
        var exe = await (await UploadAsync(writer, "tool.exe", [0x4D, 0x5A, 0x90, 0x00])).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(exe.GetProperty("errors").TryGetProperty("attachments", out _));
        var fakePdf = await (await UploadAsync(writer, "report.pdf", "not a pdf at all"u8.ToArray())).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(fakePdf.GetProperty("errors").TryGetProperty("attachments", out _));
        var bigImage = new byte[20 * 1024 * 1024];
        new Random(1).NextBytes(bigImage);
        var huge = await (await UploadAsync(writer, "photo.jpg", bigImage)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("10 MB", huge.GetProperty("errors").GetProperty("attachments")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(filesBefore, CountStoredFiles());

        var someoneElses = await UploadAsync(tenant.Admin, "notes.txt", "admin's notes"u8.ToArray());
        var upload = await someoneElses.ExpectJsonAsync(HttpStatusCode.Created);
        var stolen = await (await writer.PostAsJsonAsync("api/v1/posts", new { body = "with a file", attachments = new[] { upload.GetProperty("id").GetInt64() } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(stolen.GetProperty("errors").TryGetProperty("attachments", out _));

        var feed = await (await tenant.Admin.GetAsync("api/v1/feed?filter=following")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, feed.GetProperty("items").GetArrayLength());
        await (await tenant.Admin.DeleteAsync("api/v1/feed/follows/people/badinput")).ExpectJsonAsync(HttpStatusCode.NoContent);
    }

    protected static async Task<long> PostAsync(HttpClient client, string body, object? audience = null, DateTime? publishAt = null, DateTime? expiresAt = null)
    {
        var created = await (await client.PostAsJsonAsync("api/v1/posts", new { body, audience, publishAt, expiresAt })).ExpectJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    private static async Task<List<long>> TagFeedAsync(HttpClient client, string tag)
    {
        var feed = await (await client.GetAsync($"api/v1/feed?filter=tag:{tag}")).ExpectJsonAsync(HttpStatusCode.OK);
        return feed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
    }

    private async Task<IReadOnlyList<string>> CountQueriesAsync(string url, int expectedItems)
    {
        // Once to warm caches (permissions, compiled queries), then counted.
        await (await tenant.Admin.GetAsync(url)).ExpectJsonAsync(HttpStatusCode.OK);
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(QueryCounter.Header, id);
        var page = await (await tenant.Admin.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK);
        var items = page.GetProperty("items");
        Assert.Equal(expectedItems, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), p => Assert.Equal(2, p.GetProperty("commentCount").GetInt32()));
        return QueryCounter.Commands(id);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return client.PostAsync("api/v1/attachments", form);
    }

    private int CountStoredFiles()
    {
        var folder = Path.Combine(tenant.Host.AppData, "Sites", tenant.Name, "Files");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }

    private static void AssertSafe(string html, string payload)
    {
        var body = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.True(AllowedTags.Contains(element.LocalName), $"<{element.LocalName}> from {payload}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.Name), $"attribute {attribute.Name} from {payload}");
            }

            if (element.GetAttribute("href") is { } href)
            {
                var trimmed = new string(href.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                Assert.True(
                    trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal)),
                    $"href {href} from {payload}");
            }
        }
    }
}

[Collection(WebCollection.Name)]
public sealed class FeedApiTestsOnSqlite(FeedSqliteTenant tenant) : FeedApiTests(tenant), IClassFixture<FeedSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class FeedApiTestsOnPostgres(FeedPostgresTenant tenant) : FeedApiTests(tenant), IClassFixture<FeedPostgresTenant>;
