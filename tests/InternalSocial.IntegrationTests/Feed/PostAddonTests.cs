using System.Net;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>
/// What another module attaches to a post (<c>IPostAddon</c>), shown with the probe's note: its fields in the composer, a
/// refused add-on refusing the whole post, the card showing it only for its posts, and one call per page of cards.
/// </summary>
public abstract class PostAddonTests(PostAddonTenant tenant)
{
    private static readonly HtmlParser Parser = new();

    [SkippableFact]
    public async Task A_refused_addon_refuses_the_whole_post_and_is_named_beside_its_field()
    {
        tenant.SkipIfUnavailable();
        var (_, writer) = await tenant.CreateMemberAsync("addon-refused", BuiltInRoles.Employee);
        var page = Parser.ParseDocument(await writer.GetStringAsync("feed"));
        var addon = page.QuerySelector("form.feed-composer-form details.feed-addon")!;
        Assert.Equal("Add a probe note", addon.QuerySelector("summary")!.TextContent);
        Assert.NotNull(addon.QuerySelector("input[name='Composer.addons.probe.note']#Composer_addons_probe_note"));
        Assert.False(addon.HasAttribute("open"));

        var refused = await writer.SubmitAsync("feed", "posts", new Dictionary<string, string> { ["Composer.Body"] = "Refused with its note", ["Composer.addons.probe.note"] = "refuse" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var open = again.QuerySelector("details.feed-addon")!;
        Assert.True(open.HasAttribute("open"));
        Assert.Equal("The probe refuses this note.", open.QuerySelector(".probe-error")!.TextContent);
        Assert.Equal("refuse", open.QuerySelector("input")!.GetAttribute("value"));
        Assert.DoesNotContain("Refused with its note", await writer.GetStringAsync("api/v1/feed"), StringComparison.Ordinal);
        Assert.DoesNotContain(await tenant.NotesAsync(), n => n.EndsWith(":refuse", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_card_shows_the_addon_only_for_its_posts_and_the_feed_asks_once_per_page()
    {
        tenant.SkipIfUnavailable();
        var (_, writer) = await tenant.CreateMemberAsync("addon-cards", BuiltInRoles.Employee);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitAsync("feed", "posts", new Dictionary<string, string> { ["Composer.Body"] = "With a note", ["Composer.addons.probe.note"] = "hello <b>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitAsync("feed", "posts", new Dictionary<string, string> { ["Composer.Body"] = "Without a note", ["Composer.addons.probe.note"] = " " })).StatusCode);

        var (commands, html) = await CountAsync(writer, "feed");
        var cards = Parser.ParseDocument(html).QuerySelectorAll("article.feed-post");
        var with = cards.Single(c => c.TextContent.Contains("With a note", StringComparison.Ordinal));
        Assert.Equal("hello <b>", with.QuerySelector("p.probe-addon")!.TextContent);
        Assert.Null(cards.Single(c => c.TextContent.Contains("Without a note", StringComparison.Ordinal)).QuerySelector(".probe-addon"));

        // One query tells which cards of the page carry the note, whatever their number; each card with one renders it.
        var probe = commands.Where(c => c.Contains("Probe_Notes", StringComparison.Ordinal)).ToList();
        Assert.True(probe.Count == 1 + cards.Count(c => c.QuerySelector(".probe-addon") is not null), string.Join("\n---\n", probe));

        // The post's own page shows it too.
        var id = with.QuerySelector("a.feed-time")!.GetAttribute("href")!.Split('/')[^1];
        Assert.Contains("hello &lt;b&gt;", await writer.GetStringAsync($"posts/{id}"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Without_an_addon_the_feed_runs_no_query_of_its_own_for_them()
    {
        tenant.SkipIfUnavailable();
        var (_, writer) = await tenant.CreateMemberAsync("addon-none", BuiltInRoles.Employee);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitAsync("feed", "posts", new Dictionary<string, string> { ["Composer.Body"] = "A plain post" })).StatusCode);
        var (with, _) = await CountAsync(writer, "feed");
        await tenant.SetAddonAsync(false);
        try
        {
            var (without, html) = await CountAsync(writer, "feed");
            Assert.Null(Parser.ParseDocument(html).QuerySelector("details.feed-addon"));
            Assert.DoesNotContain(without, c => c.Contains("Probe_Notes", StringComparison.Ordinal));
            Assert.Equal(with.Count(c => !c.Contains("Probe_Notes", StringComparison.Ordinal)), without.Count);
        }
        finally
        {
            await tenant.SetAddonAsync(true);
        }
    }

    private static async Task<(IReadOnlyList<string> Commands, string Html)> CountAsync(HttpClient client, string url)
    {
        // Once to warm caches (permissions, compiled queries), then counted.
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(QueryCounter.Header, id);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (QueryCounter.Commands(id), await response.Content.ReadAsStringAsync());
    }
}

/// <summary>A feed tenant with the probe's post add-on on.</summary>
public abstract class PostAddonTenant(DatabaseProvider provider) : FeedTenant(provider)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (IsAvailable)
        {
            await SetAddonAsync(true);
        }
    }

    public async Task SetAddonAsync(bool on)
    {
        var changed = await Admin.PostAsync($"api/v1/features/InternalSocial.Probe.PostAddon/{(on ? "enable" : "disable")}", null);
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
    }

    public async Task<IReadOnlyList<string>> NotesAsync() =>
        System.Text.Json.JsonSerializer.Deserialize<List<string>>(await Admin.GetStringAsync("probe/notes")) ?? [];
}

public sealed class PostAddonSqliteTenant() : PostAddonTenant(DatabaseProvider.Sqlite);

public sealed class PostAddonPostgresTenant() : PostAddonTenant(DatabaseProvider.Postgres);

[Collection(WebCollection.Name)]
public sealed class PostAddonSqliteTests(PostAddonSqliteTenant tenant) : PostAddonTests(tenant), IClassFixture<PostAddonSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PostAddonPostgresTests(PostAddonPostgresTenant tenant) : PostAddonTests(tenant), IClassFixture<PostAddonPostgresTenant>;
