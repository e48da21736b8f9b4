using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks;

/// <summary>
/// <c>--polls [votes] [requests] [voters]</c> (issue 19): a named poll of four options seeded with that many votes
/// (participations, votes and tallies, as voting writes them), then <c>GET /polls/{id}</c> and <c>/results</c> one
/// request at a time (median, p99), then that many real voters voting through the API over 32 connections (p99).
/// <c>--polls-postgres</c> runs the same on a new database of the PostgreSQL server <see cref="FeedBenchmark.PostgresVariable"/> names.
/// </summary>
internal static class PollsBenchmark
{
    public const int Connections = 32;

    public static async Task RunAsync(int votes, int requests, int voters, TextWriter output, string? postgres = null)
    {
        await using var host = await InternalSocialHost.StartAsync(Transport.Kestrel, postgres);
        try
        {
            await RunAsync(host, votes, requests, voters, output, postgres is null ? "SQLite" : "PostgreSQL");
        }
        finally
        {
            await host.DropPostgresAsync();
        }
    }

    private static async Task RunAsync(InternalSocialHost host, int votes, int requests, int voters, TextWriter output, string database)
    {
        await host.Features.EnableAsync(InternalSocialHost.Tenant, ["InternalSocial.Polls"], CancellationToken.None);
        var shell = await host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        var tokens = new List<string>();
        for (var first = 0; first < voters; first += 250)
        {
            // A scope per 250 people: one context tracking thousands of users makes each save slower than the last.
            var start = first;
            tokens.AddRange(await shell.InScopeAsync(services => TokensAsync(services, start, Math.Min(250, voters - start))));
        }

        var client = host.Client;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[0]);
        var (id, options) = await CreatePollAsync(client, "Which date for the seminar?");

        var seeding = Stopwatch.StartNew();
        await SeedAsync(shell.Services.GetRequiredService<TenantDatabase>(), id, options, votes);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {database}, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}. Seeded {votes:N0} votes in {seeding.Elapsed.TotalSeconds:F1} s."));

        var poll = await SequentialAsync(client, $"/api/v1/polls/{id}", requests);
        var results = await SequentialAsync(client, $"/api/v1/polls/{id}/results", requests);
        // Every voter first votes on another poll, unmeasured, as reads get their warm-up requests: the numbers are
        // then those of a running server (compiled code, pooled connections), not of its first second.
        var warmUp = await CreatePollAsync(client, "Warm-up");
        await VotingAsync(client, warmUp.Id, warmUp.Options, tokens.Skip(1).ToList());
        // The same load on a read of the same poll: what 32 connections cost this host before a vote does anything.
        var reading = await ConcurrentAsync(client, tokens.Skip(1).ToList(), i => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/polls/{id}"));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var voting = await VotingAsync(client, id, options, tokens.Skip(1).ToList());
        var cpuPerVote = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / (voters - 1);
        var counted = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/polls/{id}/results")).GetProperty("participantCount").GetInt32();
        output.WriteLine("| Measure | Median ms | P99 ms |");
        output.WriteLine("|---|---|---|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /polls/{{id}}, {votes:N0} votes, one request at a time ({requests}) | {poll.Median:F2} | {poll.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /polls/{{id}}/results, one request at a time ({requests}) | {results.Median:F2} | {results.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /polls/{{id}}, {voters - 1:N0} readers over {Connections} connections (baseline) | {reading.Median:F2} | {reading.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| POST /polls/{{id}}/votes, {voters - 1:N0} voters over {Connections} connections | {voting.Median:F2} | {voting.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Processor time per vote (server and client, both in this process): {cpuPerVote:F2} ms."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Participants counted after voting: {counted:N0} (expected {votes + voters - 1:N0})."));
    }

    /// <summary>A named poll of four options, with their ids.</summary>
    private static async Task<(long Id, long[] Options)> CreatePollAsync(HttpClient client, string question)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/polls", new { question, options = new[] { "3 March", "10 March", "17 March", "24 March" } })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        var options = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/polls/{id}")).GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToArray();
        return (id, options);
    }

    /// <summary>Employees with tokens (no password to hash); the first creates the poll.</summary>
    private static async Task<List<string>> TokensAsync(IServiceProvider services, int first, int count)
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var access = services.GetRequiredService<AccessTokenService>();
        var tokens = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            var user = new User { UserName = $"voter{i}", Email = $"voter{i}@bench.test", DisplayName = $"Voter {i}", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow, Department = $"Dept {i % 10}", Site = $"Site {i % 3}" };
            (await users.CreateAsync(user)).Succeeded.EnsureTrue();
            (await users.AddToRoleAsync(user, BuiltInRoles.Employee)).Succeeded.EnsureTrue();
            tokens.Add((await access.CreateForUserAsync(user.Id, "bench", null, CancellationToken.None)).Token);
        }

        return tokens;
    }

    private static void EnsureTrue(this bool value)
    {
        if (!value)
        {
            throw new InvalidOperationException("Setting up a voter failed.");
        }
    }

    /// <summary>What that many votes write: a participation and a vote each, and the tallies they add up to.</summary>
    private static async Task SeedAsync(TenantDatabase database, long pollId, long[] options, int votes)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var questionId = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT \"QuestionId\" FROM \"Polls_Options\" WHERE \"Id\" = {options[0]}"), CultureInfo.InvariantCulture);
        await using (var participation = Command(connection, transaction, $"INSERT INTO \"Polls_Participations\" (\"PollId\", \"UserId\") VALUES ({pollId}, @user)", "@user"))
        await using (var vote = Command(connection, transaction, $"INSERT INTO \"Polls_Votes\" (\"QuestionId\", \"OptionId\", \"UserId\", \"PollId\") VALUES ({questionId}, @option, @user, {pollId})", "@user", "@option"))
        {
            for (var i = 0; i < votes; i++)
            {
                participation.Parameters[0].Value = $"seeded-{i:D7}";
                await participation.ExecuteNonQueryAsync();
                vote.Parameters[0].Value = $"seeded-{i:D7}";
                vote.Parameters[1].Value = options[i % options.Length];
                await vote.ExecuteNonQueryAsync();
            }
        }

        for (var o = 0; o < options.Length; o++)
        {
            var count = (votes / options.Length) + (o < votes % options.Length ? 1 : 0);
            await ScalarAsync(connection, transaction, $"INSERT INTO \"Polls_Tallies\" (\"OptionId\", \"Dimension\", \"Value\", \"QuestionId\", \"Count\") VALUES ({options[o]}, 'all', '', {questionId}, {count})");
        }

        await ScalarAsync(connection, transaction, $"UPDATE \"Polls_Polls\" SET \"ParticipantCount\" = {votes} WHERE \"Id\" = {pollId}");
        await transaction.CommitAsync();
    }

    private static async Task<(double Median, double P99)> SequentialAsync(HttpClient client, string path, int requests)
    {
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Summary(times);
    }

    /// <summary>Each voter votes once; <see cref="Connections"/> of them at a time.</summary>
    private static Task<(double Median, double P99)> VotingAsync(HttpClient client, long pollId, long[] options, List<string> tokens) =>
        ConcurrentAsync(client, tokens, i => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/polls/{pollId}/votes") { Content = JsonContent.Create(new { choices = new[] { options[i % options.Length] } }) });

    /// <summary>One request per token, each with its token, <see cref="Connections"/> at a time.</summary>
    private static async Task<(double Median, double P99)> ConcurrentAsync(HttpClient client, List<string> tokens, Func<int, HttpRequestMessage> requestOf)
    {
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < tokens.Count)
            {
                using var request = requestOf(i);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i]);
                var watch = Stopwatch.StartNew();
                (await client.SendAsync(request)).EnsureSuccessStatusCode();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        return Summary([.. times]);
    }

    private static (double Median, double P99) Summary(List<double> times)
    {
        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)]);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync();
    }
}
