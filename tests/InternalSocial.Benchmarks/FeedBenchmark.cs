using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Kernel.Data;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Benchmarks;

/// <summary>
/// <c>--feed [people] [posts] [requests] [seconds]</c>: seeds the Default tenant (SQLite) with people and posts by bulk
/// SQL, then measures a feed page (GET /api/v1/feed, 20 posts with comments and reactions) and posting, one request at
/// a time (median, p99), and the feed's throughput with 32 concurrent connections against a bare Kestrel endpoint
/// returning the same bytes. Kestrel on loopback; times are client round trips, so they include the loopback hop.
/// </summary>
internal static class FeedBenchmark
{
    private const int Connections = 32;

    /// <summary>The server <c>--feed-postgres</c> uses unless <see cref="PostgresVariable"/> names another (CREATEDB rights).</summary>
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55433;Username=app;Password=app";

    public const string PostgresVariable = "INTERNALSOCIAL_BENCH_POSTGRES";

    /// <param name="postgres">A PostgreSQL server to set the tenant up on (a new database, dropped at the end); null for SQLite.</param>
    public static async Task RunAsync(int people, int posts, int requests, int seconds, TextWriter output, string? postgres = null)
    {
        Environment.SetEnvironmentVariable("InternalSocial__Feed__PostsPerMinute", "10000000");
        await using var host = await InternalSocialHost.StartAsync(Transport.Kestrel, postgres);
        try
        {
            await RunOnHostAsync(host, people, posts, requests, seconds, output);
        }
        finally
        {
            await host.DropPostgresAsync();
        }
    }

    private static async Task RunOnHostAsync(InternalSocialHost host, int people, int posts, int requests, int seconds, TextWriter output)
    {
        await host.Features.EnableAsync(InternalSocialHost.Tenant, ["InternalSocial.Feed"], CancellationToken.None);
        var shell = await host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        var token = await shell.InScopeAsync(async services =>
        {
            var admin = await services.GetRequiredService<UserManager<User>>().FindByNameAsync("admin") ?? throw new InvalidOperationException("No admin.");
            return (await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(admin.Id, "bench", null, CancellationToken.None)).Token;
        });
        var database = shell.Services.GetRequiredService<TenantDatabase>();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(database, people, posts);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {people:N0} people and {posts:N0} posts ({database.Provider}) in {seeding.Elapsed.TotalSeconds:F1} s."));

        var client = host.Client;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = await client.GetByteArrayAsync("/api/v1/feed");
        for (var i = 0; i < 200; i++)
        {
            (await client.GetAsync("/api/v1/feed")).EnsureSuccessStatusCode();
        }

        if (Environment.GetEnvironmentVariable("FEED_BENCH_EXPLAIN") is not null)
        {
            using (var timer = new CommandTimer(output))
            using (DiagnosticListener.AllListeners.Subscribe(timer))
            {
                await WaitForEfCoreToNoticeListenersAsync();
                await client.GetAsync("/api/v1/feed");
            }

            var principal = await shell.InScopeAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<User>>();
                var factory = services.GetRequiredService<IUserClaimsPrincipalFactory<User>>();
                return await factory.CreateAsync((await users.FindByNameAsync("admin"))!);
            });
            foreach (var phase in new[] { "service", "service+json" })
            {
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < 50; i++)
                {
                    await shell.InScopeAsync(async services =>
                    {
                        var query = services.GetRequiredService<Feed.Services.FeedQuery>();
                        var page = await query.GetAsync(principal, Feed.Services.FeedFilter.All, null, null, null, CancellationToken.None);
                        if (phase == "service+json")
                        {
                            _ = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(page, System.Text.Json.JsonSerializerOptions.Web);
                        }
                    });
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase}: {watch.Elapsed.TotalMilliseconds / 50:F2} ms per page"));
            }
        }

        if (Environment.GetEnvironmentVariable("FEED_BENCH_LOOP") is { } loop)
        {
            // For a profiler: sequential feed requests for this many seconds (dotnet-trace collect -p PID).
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Looping on the feed for {loop} s, process {Environment.ProcessId}."));
            var until = DateTime.UtcNow.AddSeconds(int.Parse(loop, CultureInfo.InvariantCulture));
            var path = Environment.GetEnvironmentVariable("FEED_BENCH_LOOP_PATH") ?? "/api/v1/feed";
            while (DateTime.UtcNow < until)
            {
                (await client.GetAsync(path)).EnsureSuccessStatusCode();
            }
        }

        var feedCpu = await CpuPerRequestAsync(requests, () => client.GetAsync("/api/v1/feed"));
        var smallCpu = await CpuPerRequestAsync(requests, () => client.GetAsync("/api/v1/feed/reaction-types"));
        var feed = await TimeAsync(requests, async _ => (await client.GetAsync("/api/v1/feed")).EnsureSuccessStatusCode());
        var posting = await TimeAsync(requests, async i => (await client.PostAsJsonAsync("/api/v1/posts", new { body = $"Benchmark post {i} #bench" })).EnsureSuccessStatusCode());
        var (feedRps, feedP99) = await ThroughputAsync(host.Client.BaseAddress!, token, "/api/v1/feed", seconds);

        // A small authenticated endpoint of the same tenant: what the host costs under load without the feed's work.
        var (smallRps, smallP99) = await ThroughputAsync(host.Client.BaseAddress!, token, "/api/v1/feed/reaction-types", seconds);

        // Many readers in turn (20 departments, so 20 different first pages), then the same while someone reacts to the
        // newest post 20 times a second (each reaction changes the feed's version, so pages are checked again).
        var readers = await ReaderTokensAsync(shell, Math.Min(people, ManyReaders));
        var (manyRps, manyP99) = await ThroughputAsync(host.Client.BaseAddress!, readers, "/api/v1/feed", seconds, background: null);
        var newest = (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/feed")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var reactions = 0;
        var (busyRps, busyP99) = await ThroughputAsync(host.Client.BaseAddress!, readers, "/api/v1/feed", seconds, async stopping =>
        {
            using var writer = new HttpClient { BaseAddress = host.Client.BaseAddress };
            writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            while (!stopping.IsCancellationRequested)
            {
                using var reacted = reactions % 2 == 0
                    ? await writer.PostAsJsonAsync($"/api/v1/posts/{newest}/reactions", new { type = "like" }, CancellationToken.None)
                    : await writer.DeleteAsync($"/api/v1/posts/{newest}/reactions", CancellationToken.None);
                reacted.EnsureSuccessStatusCode();
                reactions++;
                try
                {
                    await Task.Delay(50, stopping);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        await using var bare = await StartBareAsync(body);
        using var bareClient = new HttpClient { BaseAddress = new Uri(bare.Urls.First()) };
        var bareCpu = await CpuPerRequestAsync(requests, () => bareClient.GetAsync("/feed"));
        var (bareRps, _) = await ThroughputAsync(new Uri(bare.Urls.First()), null, "/feed", seconds);

        // The same two endpoints under wrk when it is installed (apt install wrk): a load generator that costs the
        // machine less than HttpClient, as in the issue's reference figure for the bare endpoint.
        var wrkFeed = await WrkAsync(new Uri(host.Client.BaseAddress!, "/api/v1/feed"), token, seconds);
        var wrkBare = await WrkAsync(new Uri(new Uri(bare.Urls.First()), "/feed"), null, seconds);

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Feed page: {body.Length:N0} bytes, {Environment.ProcessorCount} cores, {DateTimeOffset.Now:yyyy-MM-dd}."));
        output.WriteLine("| Measure | Median ms | P99 ms |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Feed page, one request at a time ({requests}) | {feed.Median:F2} | {feed.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Posting, one request at a time ({requests}) | {posting.Median:F2} | {posting.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Feed page under {Connections} connections | | {feedP99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Reaction types (one small query, same authentication) under {Connections} connections: {smallRps:N0} req/s | | {smallP99:F2} |"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Per request (whole process, client included, {requests} sequential requests each): feed {feedCpu}; reaction types {smallCpu}; bare endpoint {bareCpu}."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Throughput, {Connections} connections, {seconds} s: feed {feedRps:N0} req/s, bare endpoint with the same bytes {bareRps:N0} req/s = {100 * feedRps / bareRps:F1}% (target >= 10%, aim 20%)."));
        if (wrkFeed is { } f && wrkBare is { } b)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Under wrk (2 threads, {Connections} connections, {seconds} s): feed {f.RequestsPerSecond:N0} req/s, P99 {f.P99:F2} ms; bare endpoint {b.RequestsPerSecond:N0} req/s = {100 * f.RequestsPerSecond / b.RequestsPerSecond:F1}%."));
        }
        else
        {
            output.WriteLine("wrk is not installed: no wrk measurement.");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Feed read by {readers.Count:N0} people in turn: {manyRps:N0} req/s = {100 * manyRps / bareRps:F1}%, P99 {manyP99:F2} ms; the same while one person reacts 20 times a second ({reactions} reactions): {busyRps:N0} req/s = {100 * busyRps / bareRps:F1}%, P99 {busyP99:F2} ms."));
    }

    private const int ManyReaders = 1_000;

    /// <summary>Requests per second and P99 under <c>wrk --latency</c>; null when wrk is not installed.</summary>
    private static async Task<(double RequestsPerSecond, double P99)?> WrkAsync(Uri url, string? token, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", "-c" + Connections.ToString(CultureInfo.InvariantCulture), "-d" + seconds.ToString(CultureInfo.InvariantCulture) + "s", "--latency" })
        {
            start.ArgumentList.Add(argument);
        }

        if (token is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Authorization: Bearer " + token);
        }

        start.ArgumentList.Add(url.ToString());
        Process? wrk;
        try
        {
            wrk = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (wrk)
        {
            var text = await wrk!.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var rps = System.Text.RegularExpressions.Regex.Match(text, @"Requests/sec:\s+([0-9.]+)");
            var p99 = System.Text.RegularExpressions.Regex.Match(text, @"99%\s+([0-9.]+)(us|ms|s)");
            if (!rps.Success || !p99.Success || text.Contains("Non-2xx", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("wrk did not measure: " + text);
            }

            var latency = double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture) * (p99.Groups[2].Value switch { "us" => 0.001, "s" => 1000, _ => 1 });
            return (double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), latency);
        }
    }

    /// <summary>An access token for each of the first <paramref name="count"/> seeded people.</summary>
    private static async Task<IReadOnlyList<string>> ReaderTokensAsync(Kernel.Shells.ShellContext shell, int count) =>
        await shell.InScopeAsync(async services =>
        {
            var tokens = services.GetRequiredService<AccessTokenService>();
            var created = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                created.Add((await tokens.CreateForUserAsync("p-" + i.ToString(CultureInfo.InvariantCulture), "bench", null, CancellationToken.None)).Token);
            }

            return (IReadOnlyList<string>)created;
        });

    internal static async Task SeedAsync(TenantDatabase database, int people, int posts)
    {
        var now = DateTime.UtcNow;
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var user = Command(connection, transaction,
                "INSERT INTO \"Users_Users\" (\"Id\", \"UserName\", \"NormalizedUserName\", \"Email\", \"NormalizedEmail\", \"EmailConfirmed\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\", \"DisplayName\", \"CreatedUtc\", \"Department\", \"NormalizedDepartment\", \"SecurityStamp\") VALUES (@id, @name, @upper, @mail, @uppermail, TRUE, FALSE, FALSE, TRUE, 0, @display, @created, @department, @upperdepartment, @stamp)",
                "id", "name", "upper", "mail", "uppermail", "display", "created", "department", "upperdepartment", "stamp");
            for (var i = 0; i < people; i++)
            {
                var name = "person" + i.ToString("D5", CultureInfo.InvariantCulture);
                var department = Department(i);
                await ExecuteAsync(user, "p-" + i.ToString(CultureInfo.InvariantCulture), name, name.ToUpperInvariant(), name + "@bench.invalid", (name + "@bench.invalid").ToUpperInvariant(), "Person " + i.ToString(CultureInfo.InvariantCulture), now, department, department.ToUpperInvariant(), Guid.NewGuid().ToString("N"));
            }

            // Every seeded person is an employee: they may read the company's feed.
            await using var roles = Command(connection, transaction,
                "INSERT INTO \"Users_UserRoles\" (\"UserId\", \"RoleId\") SELECT u.\"Id\", r.\"Id\" FROM \"Users_Users\" u, \"Users_Roles\" r WHERE u.\"Id\" LIKE 'p-%' AND r.\"NormalizedName\" = 'EMPLOYEE'");
            await roles.ExecuteNonQueryAsync();

            await transaction.CommitAsync();
        }

        const int Batch = 50_000;
        for (var start = 0; start < posts; start += Batch)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var post = Command(connection, transaction,
                "INSERT INTO \"Feed_Posts\" (\"AuthorId\", \"Body\", \"Html\", \"Status\", \"AudienceEveryone\", \"IsAnnouncement\", \"RequiresAcknowledgement\", \"PublishedUtc\", \"CreatedUtc\") VALUES (@author, @body, @html, 0, @everyone, FALSE, FALSE, @published, @published)",
                "author", "body", "html", "everyone", "published");
            for (var i = start; i < Math.Min(posts, start + Batch); i++)
            {
                var text = "Seeded post " + i.ToString(CultureInfo.InvariantCulture) + " about the quarterly results and the new canteen.";
                await ExecuteAsync(post, "p-" + (i % people).ToString(CultureInfo.InvariantCulture), text, "<p>" + text + "</p>", i % TargetedEvery != 0, now.AddSeconds(i - posts));
            }

            await transaction.CommitAsync();
        }

        // One post in fifty is for one department only, as communication teams target theirs.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var audiences = Command(connection, transaction,
                "INSERT INTO \"Feed_PostAudiences\" (\"PostId\", \"Kind\", \"Value\") SELECT \"Id\", 'department', 'Department ' || CAST((\"Id\" / " + TargetedEvery.ToString(CultureInfo.InvariantCulture) + ") % " + Departments.ToString(CultureInfo.InvariantCulture) + " AS VARCHAR(10)) FROM \"Feed_Posts\" WHERE \"AudienceEveryone\" = FALSE");
            await audiences.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        // The newest posts (the first pages) get comments and reactions, as real ones do.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var comment = Command(connection, transaction,
                "INSERT INTO \"Feed_Comments\" (\"PostId\", \"AuthorId\", \"Body\", \"Html\", \"CreatedUtc\") VALUES (@post, @author, 'Great news', '<p>Great news</p>', @created)", "post", "author", "created");
            await using var reaction = Command(connection, transaction,
                "INSERT INTO \"Feed_PostReactions\" (\"PostId\", \"UserId\", \"Type\", \"CreatedUtc\") VALUES (@post, @user, 'like', @created)", "post", "user", "created");
            for (long id = Math.Max(1, posts - 2000); id <= posts; id++)
            {
                for (var c = 0; c < 3; c++)
                {
                    await ExecuteAsync(comment, id, "p-" + ((id + c) % people).ToString(CultureInfo.InvariantCulture), now);
                }

                for (var r = 0; r < 10; r++)
                {
                    await ExecuteAsync(reaction, id, "p-" + ((id * 7 + r) % people).ToString(CultureInfo.InvariantCulture), now);
                }
            }

            await transaction.CommitAsync();
        }

        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }
    }

    private const int Departments = 20;

    private const int TargetedEvery = 50;

    private static string Department(int person) => "Department " + (person % Departments).ToString(CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }

        // Npgsql prepares once the parameters have values; SQLite prepares here, once for the whole batch.
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            command.Prepare();
        }

        return command;
    }

    private static Task<int> ExecuteAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Process CPU time (all threads, the in-process client included) per request over a sequential run: steadier than
    /// wall-clock time on a shared machine, since other processes' load does not count.
    /// </summary>
    internal static async Task<Cost> CpuPerRequestAsync(int count, Func<Task<HttpResponseMessage>> request)
    {
        using var commands = new CommandCounter();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(commands);
        await WaitForEfCoreToNoticeListenersAsync();
        for (var i = 0; i < 20; i++)
        {
            using var warm = (await request()).EnsureSuccessStatusCode();
        }

        using var process = Process.GetCurrentProcess();
        commands.Reset();
        var before = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++)
        {
            using var response = (await request()).EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync();
        }

        process.Refresh();
        return new Cost(
            (process.TotalProcessorTime - before).TotalMilliseconds / count,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / count,
            (double)commands.Count / count);
    }

    /// <summary>
    /// EF Core caches for a second whether anyone listens to its events (<c>ConfigureLoggingCacheTime</c>), and a pooled
    /// context keeps its loggers: a listener subscribed later than that sees no command until the cache expires.
    /// </summary>
    internal static Task WaitForEfCoreToNoticeListenersAsync() => Task.Delay(TimeSpan.FromSeconds(1.2));

    /// <summary>
    /// What a request costs: process CPU (noisy on a shared machine), and two counts that do not depend on the machine's
    /// load: bytes allocated (client included) and database commands.
    /// </summary>
    internal readonly record struct Cost(double CpuMilliseconds, double AllocatedKilobytes, double Commands)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CpuMilliseconds:F3} ms CPU, {AllocatedKilobytes:F0} KB allocated, {Commands:F1} commands");
    }

    /// <summary>Counts EF Core's database commands while subscribed.</summary>
    internal sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting")
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
                _subscriptions.Clear();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    internal static async Task<(double Median, double P99)> TimeAsync(int count, Func<int, Task> request)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await request(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)]);
    }

    private static Task<(double RequestsPerSecond, double P99)> ThroughputAsync(Uri baseAddress, string? token, string path, int seconds) =>
        ThroughputAsync(baseAddress, token is null ? [] : [token], path, seconds, background: null);

    /// <summary>
    /// Requests per second and P99 with <see cref="Connections"/> connections, each request signed with the next of
    /// <paramref name="tokens"/> in turn (none when empty); <paramref name="background"/> runs alongside until the end.
    /// </summary>
    private static async Task<(double RequestsPerSecond, double P99)> ThroughputAsync(Uri baseAddress, IReadOnlyList<string> tokens, string path, int seconds, Func<CancellationToken, Task>? background)
    {
        using var handler = new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var next = -1;
        var latencies = new List<double>[Connections];
        var workers = Enumerable.Range(0, Connections).Select(async w =>
        {
            var mine = latencies[w] = [];
            while (DateTime.UtcNow < stop)
            {
                var watch = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (tokens.Count > 0)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[(int)((uint)Interlocked.Increment(ref next) % tokens.Count)]);
                }

                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadAsByteArrayAsync();
                mine.Add(watch.Elapsed.TotalMilliseconds);
            }
        }).ToList();
        var total = Stopwatch.StartNew();
        if (background is not null)
        {
            workers.Add(background(stopping.Token));
        }

        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToList();
        return (all.Count / total.Elapsed.TotalSeconds, all[Math.Min(all.Count - 1, (int)Math.Ceiling(all.Count * 0.99) - 1)]);
    }

    /// <summary>Prints each EF Core command's duration (FEED_BENCH_EXPLAIN=1), to see where a page's time goes.</summary>
    internal sealed class CommandTimer(TextWriter output) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        /// <summary>Stops listening to EF Core too (the listener subscriptions outlive the AllListeners one).</summary>
        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
                _subscriptions.Clear();
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData executed)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{executed.Duration.TotalMilliseconds,8:F2} ms  {executed.Command.CommandText.ReplaceLineEndings(" ")[..Math.Min(160, executed.Command.CommandText.Length)]}"));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private static async Task<WebApplication> StartBareAsync(byte[] body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/feed", () => Results.Bytes(body, "application/json"));
        await app.StartAsync();
        return app;
    }
}
