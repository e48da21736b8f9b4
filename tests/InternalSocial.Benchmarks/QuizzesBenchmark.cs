using System.Collections.Concurrent;
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
/// <c>--quizzes [attempts] [requests]</c> (issue 19): a 10-question quiz with a leaderboard, seeded with that many
/// attempts by as many people as submitting writes them (the attempt, its choices, the quiz's totals, right answers
/// per question, best scores of the half who chose to appear), then <c>GET /quizzes/{id}/results</c> and
/// <c>GET /quizzes/{id}/leaderboard</c> as its author, <see cref="Connections"/> requests at a time (median, p99), beside
/// <c>GET /quizzes/{id}</c> under the same load.
/// </summary>
internal static class QuizzesBenchmark
{
    public const int Connections = 32;
    private const int Questions = 10;

    public static async Task RunAsync(int attempts, int requests, TextWriter output)
    {
        await using var host = await InternalSocialHost.StartAsync(Transport.Kestrel);
        await host.Features.EnableAsync(InternalSocialHost.Tenant, ["InternalSocial.Polls"], CancellationToken.None);
        var shell = await host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        var token = await shell.InScopeAsync(DirectorTokenAsync);
        var client = host.Client;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await (await client.PostAsJsonAsync("/api/v1/quizzes", Quiz())).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();

        var seeding = Stopwatch.StartNew();
        await SeedAsync(shell.Services.GetRequiredService<TenantDatabase>(), id, attempts);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, SQLite, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}. Seeded {attempts:N0} attempts in {seeding.Elapsed.TotalSeconds:F1} s."));

        var results = await ConcurrentAsync(client, $"/api/v1/quizzes/{id}/results", requests);
        var board = await ConcurrentAsync(client, $"/api/v1/quizzes/{id}/leaderboard", requests);
        var quiz = await ConcurrentAsync(client, $"/api/v1/quizzes/{id}", requests);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/quizzes/{id}/results");
        output.WriteLine("| Measure | Median ms | P99 ms |");
        output.WriteLine("|---|---|---|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /quizzes/{{id}}/results, {Questions} questions, {attempts:N0} attempts, {Connections} at a time ({requests}) | {results.Median:F2} | {results.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /quizzes/{{id}}/leaderboard, first 20 of {attempts / 2:N0}, {Connections} at a time ({requests}) | {board.Median:F2} | {board.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /quizzes/{{id}}, the quiz itself (what any read of it costs this host), {Connections} at a time ({requests}) | {quiz.Median:F2} | {quiz.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Attempts counted: {read.GetProperty("attempts").GetInt32():N0}; first question right {read.GetProperty("questions")[0].GetProperty("correct").GetInt32():N0} times."));
    }

    /// <summary>Ten single-choice questions of four options, the first right.</summary>
    private static object Quiz() => new
    {
        title = "Benchmark quiz",
        passMark = 70,
        leaderboard = true,
        questions = Enumerable.Range(0, Questions).Select(i => new
        {
            text = $"Question {i}",
            options = new object[] { new { text = "Right", correct = true }, new { text = "Wrong 1" }, new { text = "Wrong 2" }, new { text = "Wrong 3" } },
        }).ToArray(),
    };

    private static async Task<string> DirectorTokenAsync(IServiceProvider services)
    {
        var user = new User { UserName = "director", Email = "director@bench.test", DisplayName = "Director", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
        var users = services.GetRequiredService<UserManager<User>>();
        if (!(await users.CreateAsync(user)).Succeeded || !(await users.AddToRoleAsync(user, BuiltInRoles.CommunicationDirector)).Succeeded)
        {
            throw new InvalidOperationException("Setting up the director failed.");
        }

        return (await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(user.Id, "bench", null, CancellationToken.None)).Token;
    }

    /// <summary>
    /// Attempt i gets question q right when (i + q) % 3 != 0 (option 0, else option 1); the even attempts appear on the
    /// leaderboard; a second apart. The totals are what submitting them one by one adds up to.
    /// </summary>
    private static async Task SeedAsync(TenantDatabase database, long quizId, int attempts)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var options = (await RowsAsync(connection, transaction, $"SELECT q.\"Id\", o.\"Id\" FROM \"Polls_Options\" o JOIN \"Polls_Questions\" q ON q.\"Id\" = o.\"QuestionId\" WHERE q.\"PollId\" = {quizId} ORDER BY q.\"Position\", o.\"Position\""))
            .GroupBy(r => r[0], r => r[1]).Select(g => (Question: g.Key, Options: g.ToList())).ToList();
        var right = new int[Questions];
        var (passed, percentTenths, start) = (0, 0L, DateTime.UtcNow.AddDays(-1));
        await using (var attempt = Command(connection, transaction, $"INSERT INTO \"Polls_QuizAttempts\" (\"PollId\", \"UserId\", \"Number\", \"Score\", \"MaxScore\", \"Passed\", \"SubmittedUtc\", \"OnLeaderboard\") VALUES ({quizId}, @user, 1, @score, {Questions}, @passed, @time, @shown) RETURNING \"Id\"", "@user", "@score", "@passed", "@time", "@shown"))
        await using (var choice = Command(connection, transaction, "INSERT INTO \"Polls_QuizChoices\" (\"AttemptId\", \"OptionId\", \"QuestionId\") VALUES (@attempt, @option, @question)", "@attempt", "@option", "@question"))
        await using (var best = Command(connection, transaction, $"INSERT INTO \"Polls_QuizBestScores\" (\"PollId\", \"UserId\", \"AttemptId\", \"Score\", \"MaxScore\", \"SubmittedUtc\") VALUES ({quizId}, @user, @attempt, @score, {Questions}, @time)", "@user", "@attempt", "@score", "@time"))
        {
            for (var i = 0; i < attempts; i++)
            {
                var score = Enumerable.Range(0, Questions).Count(q => (i + q) % 3 != 0);
                var (user, time, shown) = ($"seeded-{i:D7}", start.AddSeconds(i), i % 2 == 0);
                (attempt.Parameters[0].Value, attempt.Parameters[1].Value, attempt.Parameters[2].Value, attempt.Parameters[3].Value, attempt.Parameters[4].Value) = (user, score, score >= 7, time, shown);
                var attemptId = Convert.ToInt64(await attempt.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                for (var q = 0; q < Questions; q++)
                {
                    var isRight = (i + q) % 3 != 0;
                    right[q] += isRight ? 1 : 0;
                    (choice.Parameters[0].Value, choice.Parameters[1].Value, choice.Parameters[2].Value) = (attemptId, options[q].Options[isRight ? 0 : 1], options[q].Question);
                    await choice.ExecuteNonQueryAsync();
                }

                if (shown)
                {
                    (best.Parameters[0].Value, best.Parameters[1].Value, best.Parameters[2].Value, best.Parameters[3].Value) = (user, attemptId, score, time);
                    await best.ExecuteNonQueryAsync();
                }

                passed += score >= 7 ? 1 : 0;
                percentTenths += (long)Math.Round(1000.0 * score / Questions);
            }
        }

        await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO \"Polls_QuizTotals\" (\"PollId\", \"Attempts\", \"People\", \"PeoplePassed\", \"PercentTenths\") VALUES ({quizId}, {attempts}, {attempts}, {passed}, {percentTenths})"));
        for (var q = 0; q < Questions; q++)
        {
            await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO \"Polls_QuizQuestionTallies\" (\"QuestionId\", \"PollId\", \"Correct\") VALUES ({options[q].Question}, {quizId}, {right[q]})"));
        }

        await transaction.CommitAsync();
    }

    private static async Task<List<object?[]>> RowsAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The same read, <see cref="Connections"/> at a time, after 20 to warm up.</summary>
    private static async Task<(double Median, double P99)> ConcurrentAsync(HttpClient client, string path, int requests)
    {
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var times = new ConcurrentBag<double>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                var watch = Stopwatch.StartNew();
                (await client.GetAsync(path)).EnsureSuccessStatusCode();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        var sorted = times.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)]);
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

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync();
    }
}
