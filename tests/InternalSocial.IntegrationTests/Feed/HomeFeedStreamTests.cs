using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.Feed.Services;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>
/// The first page of the home feed comes from the cached streams of the reader's audiences (<c>HomeFeedStreams</c>):
/// without a scan of the feed, with every change seen at the next read (the feed's version), and never with a post the
/// reader may not see.
/// The tests of a class share a tenant, so each looks only at the posts it wrote.
/// </summary>
public abstract class HomeFeedStreamTests(FeedTenant tenant)
{
    private const string Home = "api/v1/feed";

    private readonly HashSet<long> _mine = [];

    [SkippableFact]
    public async Task The_first_page_comes_from_the_streams_and_shows_each_change_at_the_next_read_to_its_audience_only()
    {
        tenant.SkipIfUnavailable();
        var (_, author) = await tenant.CreateMemberAsync("streamauthor", BuiltInRoles.Employee);
        var (financeId, finance) = await tenant.CreateMemberAsync("streamfinance", BuiltInRoles.Employee);
        var (salesId, sales) = await tenant.CreateMemberAsync("streamsales", BuiltInRoles.Employee);
        await tenant.SetDepartmentAsync(financeId, "Finance");
        await tenant.SetDepartmentAsync(salesId, "Sales");
        var first = await PostAsync(author, new { body = "First news" });
        var targeted = await PostAsync(tenant.Admin, new { body = "Finance figures", audience = new { departments = new[] { "Finance" } } });
        var second = await PostAsync(author, new { body = "Second news" });

        Assert.Equal([second, targeted, first], Ids(await ReadAsync(finance)));
        Assert.Equal([second, first], Ids(await ReadAsync(sales)));

        // Read again, by another reader of the same audiences too: one small read of the feed's version, no read of posts.
        // (The colleague's first read records their views and reads their reactions: their own part, once.)
        var (colleagueId, colleague) = await tenant.CreateMemberAsync("streamfinance2", BuiltInRoles.Employee);
        await tenant.SetDepartmentAsync(colleagueId, "Finance");
        Assert.Equal([second, targeted, first], Ids(await ReadAsync(colleague)));
        foreach (var client in new[] { finance, colleague })
        {
            var (commands, page) = await CountedAsync(client);
            Assert.Equal([second, targeted, first], Ids(page));
            // (Another test of the class may leave an announcement to acknowledge: the reader's own acknowledgements are read.)
            Assert.Contains(commands, c => c.Contains("Feed_Version", StringComparison.Ordinal));
            Assert.DoesNotContain(commands, c => c.Contains("Feed_Posts", StringComparison.Ordinal));
        }

        // A new post and a deletion show at once.
        var third = await PostAsync(author, new { body = "Third news" });
        Assert.Equal([third, second, targeted, first], Ids(await ReadAsync(finance)));
        await (await author.DeleteAsync($"api/v1/posts/{second}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal([third, first], Ids(await ReadAsync(sales)));
        Assert.Equal([third, targeted, first], Ids(await ReadAsync(finance)));

        // Who reads which audience is decided at each read: Sales moves to Finance and back.
        await tenant.SetDepartmentAsync(salesId, "Finance");
        Assert.Equal([third, targeted, first], Ids(await ReadAsync(sales)));
        await tenant.SetDepartmentAsync(salesId, "Sales");
        Assert.Equal([third, first], Ids(await ReadAsync(sales)));
        Assert.DoesNotContain("Finance figures", (await ReadAsync(sales)).GetRawText(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Pins_schedules_and_changes_made_behind_the_cache_are_honoured()
    {
        tenant.SkipIfUnavailable();
        var (_, reader) = await tenant.CreateMemberAsync("streamreader", BuiltInRoles.Employee);
        var clock = tenant.Host.Clock;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var pinned = await PostAsync(tenant.Admin, new { body = "Pinned notice", announcement = true, pinUntil = now.AddHours(1) });
            var later = await PostAsync(tenant.Admin, new { body = "Ordinary news" });
            var scheduled = await PostAsync(tenant.Admin, new { body = "Due tomorrow", publishAt = now.AddDays(1) });
            var before = Ids(await ReadAsync(reader));
            Assert.Equal(pinned, before[0]);
            Assert.Equal(later, before[1]);
            Assert.DoesNotContain(scheduled, before);

            // The pin ends: the notice goes back to its place in time, after the newer post.
            clock.Advance(TimeSpan.FromHours(2));
            var afterPin = Ids(await ReadAsync(reader));
            Assert.True(afterPin.IndexOf(later) < afterPin.IndexOf(pinned), string.Join(",", afterPin));
            Assert.DoesNotContain(scheduled, afterPin);

            // The scheduled post is due: it leads the feed.
            clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(scheduled, Ids(await ReadAsync(reader))[0]);

            // A change committed by another node (here, plain SQL bumping the feed's version as every write path does)
            // is seen at the next read: a post deleted, and one published.
            var hidden = await PostAsync(tenant.Admin, new { body = "Published elsewhere", publishAt = clock.GetUtcNow().UtcDateTime.AddDays(30) });
            Assert.DoesNotContain(hidden, Ids(await ReadAsync(reader)));
            var due = clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
            var changed = await InFeedAsync(async db =>
                await db.Posts.Where(p => p.Id == later).ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedUtc, DateTime.UtcNow))
                + await db.Posts.Where(p => p.Id == hidden).ExecuteUpdateAsync(s => s.SetProperty(p => p.PublishedUtc, due))
                + await db.Database.ExecuteSqlRawAsync("UPDATE \"Feed_Version\" SET \"Posts\" = \"Posts\" + 1, \"Cards\" = \"Cards\" + 1"));
            Assert.Equal(3, changed);
            var after = Ids(await ReadAsync(reader));
            Assert.DoesNotContain(later, after);
            Assert.Equal(hidden, after[0]);
        }
        finally
        {
            clock.Reset();
        }
    }

    [SkippableFact]
    public async Task Views_are_counted_once_per_person_and_written_in_batches_off_the_page()
    {
        tenant.SkipIfUnavailable();
        var (_, alice) = await tenant.CreateMemberAsync("viewalice", BuiltInRoles.Employee);
        var (_, bob) = await tenant.CreateMemberAsync("viewbob", BuiltInRoles.Employee);
        var notice = await PostAsync(tenant.Admin, new { body = "Please read", announcement = true, requireAcknowledgement = true });
        foreach (var reader in new[] { alice, bob, alice, bob })
        {
            var (commands, page) = await CountedAsync(reader);
            Assert.Contains(notice, Ids(page));
            Assert.DoesNotContain(commands, c => c.Contains("Feed_PostViews", StringComparison.Ordinal));
        }

        // Enabling a feature replaces the tenant's shell: what the old one had queued is not lost. The background task
        // then writes the views, once per person however often they read.
        var enabled = await tenant.Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null);
        Assert.True(enabled.IsSuccessStatusCode, await enabled.Content.ReadAsStringAsync());
        var clock = tenant.Host.Clock;
        try
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await tenant.Host.Services.GetRequiredService<BackgroundTaskRunner>().RunDueTasksAsync(CancellationToken.None);
        }
        finally
        {
            clock.Reset();
        }

        Assert.Equal(2, await InFeedAsync(db => db.Views.CountAsync(v => v.PostId == notice)));

        // The announcement's statistics write what is queued before counting: a third reader counts at once.
        var (_, carol) = await tenant.CreateMemberAsync("viewcarol", BuiltInRoles.Employee);
        await ReadAsync(carol);
        var stats = await (await tenant.Admin.GetAsync($"api/v1/posts/{notice}/acknowledgements")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, stats.GetProperty("viewers").GetInt32());
    }

    [SkippableFact]
    public async Task While_the_database_refuses_views_the_queue_keeps_them_up_to_its_capacity_then_writes_them()
    {
        tenant.SkipIfUnavailable();
        var (readerId, _) = await tenant.CreateMemberAsync("queuereader", BuiltInRoles.Employee);
        var posts = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            posts.Add(await PostAsync(tenant.Admin, new { body = $"Queued {i}" }));
        }

        using var views = new PendingViews($"{tenant.Name}-bounded", NullLogger<PendingViews>.Instance, capacity: 3);
        var now = tenant.Host.Clock.GetUtcNow().UtcDateTime;
        views.Add(readerId, posts, now);
        Assert.Equal(3, views.Count);

        // A database that cannot be opened refuses the batch: the views wait for the next flush, the queue stays full.
        var unreachable = new DbContextOptionsBuilder<FeedDbContext>().UseSqlite($"Data Source={Path.Combine("/proc", "no-such-folder", "feed.db")}").Options;
        await using (var refusing = new FeedDbContext(unreachable))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => views.FlushAsync(refusing, CancellationToken.None));
        }

        Assert.Equal(3, views.Count);
        views.Add(readerId, [posts[3]], now);
        Assert.Equal(3, views.Count);

        await InFeedAsync(async db =>
        {
            await views.FlushAsync(db, CancellationToken.None);
            return 0;
        });
        Assert.Equal(0, views.Count);
        Assert.Equal(posts.Take(3).Order(), (await InFeedAsync(db => db.Views.Where(v => v.UserId == readerId).Select(v => v.PostId).ToListAsync())).Order());
    }

    /// <summary>The page's post ids in order, keeping only this test's posts.</summary>
    private List<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).Where(_mine.Contains).ToList();

    private static async Task<JsonElement> ReadAsync(HttpClient client) => await (await client.GetAsync(Home)).ExpectJsonAsync(HttpStatusCode.OK);

    private static async Task<(IReadOnlyList<string> Commands, JsonElement Page)> CountedAsync(HttpClient client)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, Home);
        request.Headers.Add(QueryCounter.Header, id);
        var page = await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK);
        return (QueryCounter.Commands(id), page);
    }

    private async Task<long> PostAsync(HttpClient client, object post)
    {
        var id = (await (await client.PostAsJsonAsync("api/v1/posts", post)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        _mine.Add(id);
        return id;
    }

    private async Task<T> InFeedAsync<T>(Func<FeedDbContext, Task<T>> work)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(services => work(services.GetRequiredService<FeedDbContext>()));
    }
}

[Collection(WebCollection.Name)]
public sealed class HomeFeedStreamsOnSqlite(FeedSqliteTenant tenant) : HomeFeedStreamTests(tenant), IClassFixture<FeedSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class HomeFeedStreamsOnPostgres(FeedPostgresTenant tenant) : HomeFeedStreamTests(tenant), IClassFixture<FeedPostgresTenant>;
