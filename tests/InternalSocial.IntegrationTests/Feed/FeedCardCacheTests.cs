using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>
/// The shared card cache (<c>PostCardCache</c>): a page read again comes from it, every change is seen by every reader at
/// the next read, and the cache never hands a post to a reader who may not see it.
/// </summary>
public abstract class FeedCardCacheTests(FeedTenant tenant)
{
    [SkippableFact]
    public async Task Reactions_comments_edits_and_deletions_are_seen_by_every_reader_at_the_next_read()
    {
        tenant.SkipIfUnavailable();
        var (_, author) = await CreatePersonAsync("cardauthor", null);
        var (_, alice) = await CreatePersonAsync("cardalice", null);
        var (_, bob) = await CreatePersonAsync("cardbob", null);
        var id = await PostAsync(author, "Quarterly results #cardcache");
        const string Page = "api/v1/feed?filter=tag:cardcache";

        // Alice's read fills the cache; Bob's same page then costs fewer queries (the shared parts come from the cache).
        var (cold, first) = await CountedAsync(alice, Page);
        var (warm, second) = await CountedAsync(bob, Page);
        Assert.True(warm.Count <= cold.Count - 5, $"cold {cold.Count}:\n{string.Join("\n", cold)}\n\nwarm {warm.Count}:\n{string.Join("\n", warm)}");
        Assert.Equal(first.GetRawText(), second.GetRawText());
        var card = Single(second, id);
        Assert.Equal(0, card.GetProperty("reactions").GetArrayLength());
        Assert.Equal(0, card.GetProperty("commentCount").GetInt32());

        await (await bob.PostAsJsonAsync($"api/v1/posts/{id}/reactions", new { type = "like" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        card = await CardAsync(alice, Page, id);
        Assert.Equal("like", card.GetProperty("reactions")[0].GetProperty("type").GetString());
        Assert.Equal(1, card.GetProperty("reactions")[0].GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("myReaction").ValueKind);
        Assert.Equal("like", (await CardAsync(bob, Page, id)).GetProperty("myReaction").GetString());
        await (await bob.DeleteAsync($"api/v1/posts/{id}/reactions")).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await CardAsync(alice, Page, id)).GetProperty("reactions").GetArrayLength());

        var comment = (await (await alice.PostAsJsonAsync($"api/v1/posts/{id}/comments", new { body = "Well done" })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        card = await CardAsync(bob, Page, id);
        Assert.Equal(1, card.GetProperty("commentCount").GetInt32());
        Assert.Contains("Well done", card.GetProperty("comments")[0].GetProperty("html").GetString(), StringComparison.Ordinal);
        await (await alice.PatchAsJsonAsync($"api/v1/comments/{comment}", new { body = "Very well done" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Contains("Very well done", (await CardAsync(bob, Page, id)).GetProperty("comments")[0].GetProperty("html").GetString(), StringComparison.Ordinal);
        await (await alice.DeleteAsync($"api/v1/comments/{comment}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        card = await CardAsync(bob, Page, id);
        Assert.Equal(0, card.GetProperty("commentCount").GetInt32());
        Assert.Equal(0, card.GetProperty("comments").GetArrayLength());

        await (await author.PatchAsJsonAsync($"api/v1/posts/{id}", new { body = "Quarterly results, corrected #cardcache #cardfix" })).ExpectJsonAsync(HttpStatusCode.OK);
        card = await CardAsync(alice, Page, id);
        Assert.Contains("corrected", card.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("cardfix", card.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        await (await author.DeleteAsync($"api/v1/posts/{id}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await ReadAsync(alice, Page)).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await ReadAsync(bob, Page)).GetProperty("items").GetArrayLength());
    }

    [SkippableFact]
    public async Task A_targeted_post_cached_for_its_audience_never_reaches_a_reader_outside_it()
    {
        tenant.SkipIfUnavailable();
        var (_, finance) = await CreatePersonAsync("cardfinance", "Finance");
        var (salesId, sales) = await CreatePersonAsync("cardsales", "Sales");
        var targeted = await PostAsync(tenant.Admin, "Budget figures #cardtarget", new { departments = new[] { "Finance" } });
        var open = await PostAsync(tenant.Admin, "Canteen menu #cardtarget");
        await (await finance.PostAsJsonAsync($"api/v1/posts/{targeted}/comments", new { body = "Finance only remark" })).ExpectJsonAsync(HttpStatusCode.Created);
        const string Page = "api/v1/feed?filter=tag:cardtarget";

        // Finance reads both: the targeted post's card (with its comment) is now cached.
        Assert.Equal([open, targeted], Ids(await ReadAsync(finance, Page)));
        Assert.Equal([open, targeted], Ids(await ReadAsync(finance, Page)));

        var salesPage = await ReadAsync(sales, Page);
        Assert.Equal([open], Ids(salesPage));
        Assert.DoesNotContain("Finance only remark", salesPage.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Budget figures", (await ReadAsync(sales, "api/v1/feed")).GetRawText(), StringComparison.Ordinal);
        await (await sales.GetAsync($"api/v1/posts/{targeted}")).ExpectProblemAsync(HttpStatusCode.NotFound);

        // Who may see it is decided at every read, not cached: moved to Finance, then back.
        await tenant.SetDepartmentAsync(salesId, "Finance");
        Assert.Equal([open, targeted], Ids(await ReadAsync(sales, Page)));
        await tenant.SetDepartmentAsync(salesId, "Sales");
        Assert.Equal([open], Ids(await ReadAsync(sales, Page)));

        // An expiry set after the card was cached hides the post at its time.
        var clock = tenant.Host.Clock;
        try
        {
            await (await tenant.Admin.PatchAsJsonAsync($"api/v1/posts/{open}", new { body = "Canteen menu #cardtarget", expiresAt = clock.GetUtcNow().UtcDateTime.AddHours(1) })).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.Equal([open, targeted], Ids(await ReadAsync(finance, Page)));
            clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal([targeted], Ids(await ReadAsync(finance, Page)));
            Assert.Empty(Ids(await ReadAsync(sales, Page)));
        }
        finally
        {
            clock.Reset();
        }
    }

    private static List<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();

    private static JsonElement Single(JsonElement page, long id) => page.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == id);

    private static async Task<JsonElement> ReadAsync(HttpClient client, string url) => await (await client.GetAsync(url)).ExpectJsonAsync(HttpStatusCode.OK);

    private static async Task<JsonElement> CardAsync(HttpClient client, string url, long id) => Single(await ReadAsync(client, url), id);

    private static async Task<(IReadOnlyList<string> Commands, JsonElement Page)> CountedAsync(HttpClient client, string url)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(QueryCounter.Header, id);
        var page = await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK);
        return (QueryCounter.Commands(id), page);
    }

    private static async Task<long> PostAsync(HttpClient client, string body, object? audience = null)
    {
        var created = await (await client.PostAsJsonAsync("api/v1/posts", new { body, audience })).ExpectJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    private async Task<(string Id, HttpClient Client)> CreatePersonAsync(string userName, string? department)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        var (id, token) = await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = userName, Email = $"{userName}@{tenant.Name}.test", DisplayName = userName, Department = department, EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, BuiltInRoles.Employee)).Succeeded);
            var created = await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(user.Id, "tests", null, CancellationToken.None);
            return (user.Id, created.Token);
        });
        var client = tenant.Host.CreateClient(tenant.Prefix);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (id, client);
    }
}

[Collection(WebCollection.Name)]
public sealed class FeedCardCacheOnSqlite(FeedSqliteTenant tenant) : FeedCardCacheTests(tenant), IClassFixture<FeedSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class FeedCardCacheOnPostgres(FeedPostgresTenant tenant) : FeedCardCacheTests(tenant), IClassFixture<FeedPostgresTenant>;
