using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Kernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks;

/// <summary>
/// <c>--charter [rounds] [requests] [people]</c> (issue 20): what the charter's gate costs a signed-in request. Two
/// sites in one process, the Charter feature off on one and on on the other (a material employees' charter published
/// and accepted by the administrator), take turns in short rounds, as <see cref="InterleavedOverhead"/> does, on the
/// same authenticated API GET (by token) and page GET (by cookie); then the administration's acceptances pages with
/// that many people, half of whom accepted.
/// </summary>
internal static partial class CharterBenchmark
{
    private const string ApiPath = "/api/v1/auth/me";
    private const string PagePath = "/admin";
    private const string Password = "Bench-Passw0rd";
    private const int Warmup = 300;

    public static async Task RunAsync(int rounds, int requestsPerRound, int people, TextWriter output)
    {
        await using var off = await InternalSocialHost.StartAsync(Transport.Kestrel);
        await using var on = await InternalSocialHost.StartAsync(Transport.Kestrel);
        await off.Features.EnableAsync(InternalSocialHost.Tenant, ["InternalSocial.Feed"], CancellationToken.None);
        await on.Features.EnableAsync(InternalSocialHost.Tenant, ["InternalSocial.Feed", "InternalSocial.Charter"], CancellationToken.None);
        using var offApi = await TokenClientAsync(off);
        using var onApi = await TokenClientAsync(on);
        var version = await PublishAndAcceptAsync(onApi);
        using var offPage = await CookieClientAsync(off);
        using var onPage = await CookieClientAsync(on);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Charter gate, {Environment.ProcessorCount} cores, SQLite, Kestrel, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}: {rounds} rounds of {requestsPerRound} sequential requests per site and request, the sites taking turns."));
        output.WriteLine();
        output.WriteLine("| Request | Charter off: median ms | P99 ms | Charter on, accepted: median ms | P99 ms | Difference of medians, ms | Median of the rounds' differences, ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, offClient, onClient, path) in new[]
        {
            ($"API GET {ApiPath} (token)", offApi, onApi, ApiPath),
            ($"Page GET {PagePath} (cookie)", offPage, onPage, PagePath),
        })
        {
            var (offTimes, onTimes, roundDifferences) = await InterleaveAsync(offClient, onClient, path, rounds, requestsPerRound);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {Median(offTimes):F3} | {P99(offTimes):F3} | {Median(onTimes):F3} | {P99(onTimes):F3} | {Median(onTimes) - Median(offTimes):+0.000;-0.000} | {Median(roundDifferences):+0.000;-0.000} |"));
        }

        await MeasureAcceptancesAsync(on, onPage, version, people, requestsPerRound, output);
    }

    /// <summary>Per-request times (ms) of both sites and, per round, the difference of the round's medians.</summary>
    private static async Task<(List<double> Off, List<double> On, List<double> RoundDifferences)> InterleaveAsync(HttpClient off, HttpClient on, string path, int rounds, int requests)
    {
        await TimeAsync(off, path, Warmup);
        await TimeAsync(on, path, Warmup);
        var (offTimes, onTimes, differences) = (new List<double>(), new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            // Alternating which site goes first keeps either from always collecting the other's garbage.
            var first = round % 2 == 0;
            var a = await TimeAsync(first ? off : on, path, requests);
            var b = await TimeAsync(first ? on : off, path, requests);
            var (roundOff, roundOn) = first ? (a, b) : (b, a);
            offTimes.AddRange(roundOff);
            onTimes.AddRange(roundOn);
            differences.Add(Median(roundOn) - Median(roundOff));
        }

        return (offTimes, onTimes, differences);
    }

    /// <summary>The acceptances pages of the administration with <paramref name="people"/> employees, the even ones having accepted.</summary>
    private static async Task MeasureAcceptancesAsync(InternalSocialHost host, HttpClient admin, int version, int people, int requests, TextWriter output)
    {
        var shell = await host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        var database = shell.Services.GetRequiredService<TenantDatabase>();
        var seeding = Stopwatch.StartNew();
        await FeedBenchmark.SeedAsync(database, people, 0);
        await using (var connection = database.CreateConnection())
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // The administrator's own acceptance gives the stored form of a time, whatever the database.
            command.CommandText = """
                INSERT INTO "Charter_Acceptances" ("VersionId", "UserId", "Language", "AcceptedUtc", "Method")
                SELECT a."VersionId", u."Id", 'en', a."AcceptedUtc", 'page'
                FROM "Users_Users" u, (SELECT "VersionId", "AcceptedUtc" FROM "Charter_Acceptances" LIMIT 1) a
                WHERE u."Id" LIKE 'p-%' AND CAST(SUBSTR(u."Id", 3) AS INTEGER) % 2 = 0
                """;
            await command.ExecuteNonQueryAsync();
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{people:N0} employees, {(people + 1) / 2:N0} of whom accepted version {version} (seeded in {seeding.Elapsed.TotalSeconds:F1} s); the administrator's pages, {requests} sequential requests each:"));
        output.WriteLine();
        output.WriteLine("| Page | Median ms | P99 ms |");
        output.WriteLine("|---|---:|---:|");
        foreach (var path in new[] { "/admin/charter", $"/admin/charter/employees/{version}/acceptances", $"/admin/charter/employees/{version}/acceptances?status=pending" })
        {
            await TimeAsync(admin, path, 20);
            var times = await TimeAsync(admin, path, requests);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET {path} | {Median(times):F2} | {P99(times):F2} |"));
        }
    }

    private static async Task<List<double>> TimeAsync(HttpClient client, string path, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: the gate or the sign-in is not what the benchmark measures.");
            }
        }

        return times;
    }

    private static async Task<HttpClient> TokenClientAsync(InternalSocialHost host)
    {
        var client = Client(host, cookies: null);
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "admin", password = Password, name = "bench" })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return client;
    }

    /// <summary>Publishes a material employees' charter and accepts it as the administrator; returns its number.</summary>
    private static async Task<int> PublishAndAcceptAsync(HttpClient admin)
    {
        var created = await (await admin.PostAsJsonAsync("/api/v1/charter/versions", new
        {
            audience = "employees",
            texts = new { en = "# Charter\n\n## Respect\n\nBe kind.\n", fr = "# Charte\n\n## Respect\n\nSoyez bienveillant.\n" },
            material = true,
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var version = created.GetProperty("number").GetInt32();
        (await admin.PostAsJsonAsync("/api/v1/charter/accept", new { version })).EnsureSuccessStatusCode();
        return version;
    }

    /// <summary>Signs the administrator in with the sign-in form, as a browser does.</summary>
    private static async Task<HttpClient> CookieClientAsync(InternalSocialHost host)
    {
        var client = Client(host, new CookieContainer());
        var form = await client.GetStringAsync("/account/signin");
        var token = AntiforgeryField().Match(form);
        using var signIn = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)signIn.StatusCode}.");
        }

        return client;
    }

    private static HttpClient Client(InternalSocialHost host, CookieContainer? cookies) =>
        new(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = new Uri(host.App.Urls.First()) };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double P99(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
