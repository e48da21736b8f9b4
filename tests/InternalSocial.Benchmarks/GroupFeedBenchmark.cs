using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Groups.Models;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks;

/// <summary>
/// <c>--group-feed [posts] [requests]</c>: the tenant of <see cref="GroupDirectoryBenchmarks"/> (20,000 groups, the
/// employee "bench" in 500 of them) with the feed in groups on, <c>posts</c> posts in one of bench's private groups
/// and as many spread over the other groups, by bulk SQL. Measures, one request at a time as bench (bearer token,
/// in-memory transport): the group's feed (first page, and a page 2,000 posts deep), the Posts tab's HTML page, and
/// the home feed for comparison.
/// </summary>
internal static class GroupFeedBenchmark
{
    public static async Task RunAsync(int posts, int requests, TextWriter output)
    {
        Environment.SetEnvironmentVariable("InternalSocial__Feed__PostsPerMinute", "10000000");
        await using var host = await InternalSocialHost.StartAsync(Transport.InMemory);
        await host.Features.EnableAsync(InternalSocialHost.Tenant, ["InternalSocial.Groups", "InternalSocial.Feed", "InternalSocial.Feed.Groups"], CancellationToken.None);
        var seeding = Stopwatch.StartNew();
        await GroupDirectoryBenchmarks.SeedAsync(host);
        var shell = await host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        var (groupId, slug, adminId) = await shell.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GroupsDbContext>();
            var bench = await db.Members.Where(m => m.Role == GroupRole.Member).Select(m => m.UserId).FirstAsync();
            var group = await (from m in db.Members
                               join g in db.Groups on m.GroupId equals g.Id
                               where m.UserId == bench && g.Visibility == GroupVisibility.Private
                               orderby g.Id
                               select g).FirstAsync();
            return (group.Id, group.Slug, group.CreatedBy);
        });
        await SeedPostsAsync(shell.Services.GetRequiredService<TenantDatabase>(), groupId, adminId, posts);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {GroupDirectoryBenchmarks.Groups:N0} groups and {2 * posts:N0} posts ({posts:N0} in group {groupId}) in {seeding.Elapsed.TotalSeconds:F1} s."));

        using var login = await host.Client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "bench", password = "Bench-Passw0rd", name = "bench" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var client = host.Client;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Fails loudly when the data is not what the benchmark claims to measure.
        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{groupId}/feed");
        if (first.GetProperty("items").GetArrayLength() != 20)
        {
            throw new InvalidOperationException("The group's feed is not full: " + first);
        }

        if (Environment.GetEnvironmentVariable("FEED_BENCH_EXPLAIN") is not null)
        {
            // Each EF Core command of one group feed page, with its duration.
            var commands = new StringWriter(CultureInfo.InvariantCulture);
            using (var timer = new FeedBenchmark.CommandTimer(commands))
            using (DiagnosticListener.AllListeners.Subscribe(timer))
            {
                await FeedBenchmark.WaitForEfCoreToNoticeListenersAsync();
                await client.GetAsync($"/api/v1/groups/{groupId}/feed");
            }

            output.Write(commands.ToString());
        }

        // A cursor 2,000 posts deep: 100 pages walked.
        var cursor = first.GetProperty("nextCursor").GetString();
        for (var page = 1; page < 100; page++)
        {
            cursor = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{groupId}/feed?cursor={Uri.EscapeDataString(cursor!)}")).GetProperty("nextCursor").GetString();
        }

        // The home feed is the feed module's (it reads every readable group's posts); a few requests say its order of size.
        var cases = new (string Name, string Path, int Requests)[]
        {
            ("Group feed API, first page", $"/api/v1/groups/{groupId}/feed", requests),
            ("Group feed API, 2,000 posts deep", $"/api/v1/groups/{groupId}/feed?cursor={Uri.EscapeDataString(cursor!)}", requests),
            ("Posts tab page (HTML)", $"/groups/{slug}/posts", requests),
            ("Home feed API, first page", "/api/v1/feed", Math.Min(requests, 10)),
        };
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {DateTimeOffset.Now:yyyy-MM-dd HH:mm} UTC, after up to 50 requests to warm up."));
        output.WriteLine("| Request | Requests | Median ms | P95 ms | Bytes |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, path, count) in cases)
        {
            var bytes = 0;
            for (var i = 0; i < Math.Min(50, count); i++)
            {
                using var warm = await client.GetAsync(path);
                warm.EnsureSuccessStatusCode();
                bytes = (await warm.Content.ReadAsByteArrayAsync()).Length;
            }

            var times = new List<double>(count);
            for (var i = 0; i < count; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadAsByteArrayAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {count} | {times[times.Count / 2]:F2} | {times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]:F2} | {bytes:N0} |"));
        }
    }

    /// <summary><paramref name="posts"/> posts in the group, newest last, and as many spread over the other groups.</summary>
    private static async Task SeedPostsAsync(TenantDatabase database, long groupId, string authorId, int posts)
    {
        var now = DateTime.UtcNow;
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var post = connection.CreateCommand();
            post.Transaction = transaction;
            post.CommandText = "INSERT INTO \"Feed_Posts\" (\"AuthorId\", \"Body\", \"Html\", \"Status\", \"AudienceEveryone\", \"IsAnnouncement\", \"RequiresAcknowledgement\", \"PublishedUtc\", \"CreatedUtc\", \"GroupId\") VALUES (@author, @body, @html, 0, TRUE, FALSE, FALSE, @published, @published, @group)";
            var parameters = new[] { "author", "body", "html", "published", "group" }.Select(name =>
            {
                var parameter = post.CreateParameter();
                parameter.ParameterName = "@" + name;
                post.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            post.Prepare();
            for (var i = 0; i < 2 * posts; i++)
            {
                // Even rows go to the measured group, odd rows to the others: both streams share the time line.
                var group = i % 2 == 0 ? groupId : 1 + ((i * 7919L) % GroupDirectoryBenchmarks.Groups);
                var text = "Group post " + i.ToString(CultureInfo.InvariantCulture) + " on the project's next milestone.";
                parameters[0].Value = authorId;
                parameters[1].Value = text;
                parameters[2].Value = "<p>" + text + "</p>";
                parameters[3].Value = now.AddSeconds(i - (2 * posts));
                parameters[4].Value = group;
                await post.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
}
