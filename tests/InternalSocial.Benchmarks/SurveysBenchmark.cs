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
/// <c>--surveys [responses] [requests]</c> (issue 19): an anonymous 20-question survey (choices, ratings, NPS, matrices,
/// free texts) seeded with that many responses as answering writes them (participations, tallies per option overall,
/// by department and by site, answered counts, free texts), then <c>GET /surveys/{id}/results</c>, with and without
/// the department breakdown, one request at a time (median, p99), as its author, who also gets the free texts.
/// </summary>
internal static class SurveysBenchmark
{
    public static async Task RunAsync(int responses, int requests, TextWriter output)
    {
        await using var host = await InternalSocialHost.StartAsync(Transport.Kestrel);
        await host.Features.EnableAsync(InternalSocialHost.Tenant, ["InternalSocial.Polls"], CancellationToken.None);
        var shell = await host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        var token = await shell.InScopeAsync(DirectorTokenAsync);
        var client = host.Client;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await (await client.PostAsJsonAsync("/api/v1/surveys", Survey())).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();

        var seeding = Stopwatch.StartNew();
        await SeedAsync(shell.Services.GetRequiredService<TenantDatabase>(), id, responses);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, SQLite, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}. Seeded {responses:N0} responses in {seeding.Elapsed.TotalSeconds:F1} s."));

        var results = await SequentialAsync(client, $"/api/v1/surveys/{id}/results", requests);
        var byDepartment = await SequentialAsync(client, $"/api/v1/surveys/{id}/results?breakdown=department", requests);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{id}/results");
        output.WriteLine("| Measure | Median ms | P99 ms |");
        output.WriteLine("|---|---|---|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /surveys/{{id}}/results, 20 questions, {responses:N0} responses, one request at a time ({requests}) | {results.Median:F2} | {results.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /surveys/{{id}}/results?breakdown=department, one request at a time ({requests}) | {byDepartment.Median:F2} | {byDepartment.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Responses counted: {read.GetProperty("responseCount").GetInt32():N0}; first question answered by {read.GetProperty("questions")[0].GetProperty("answered").GetInt32():N0}."));
    }

    /// <summary>Twenty questions: 4 single, 3 multiple, 5 ratings, 2 NPS, 3 matrices of 3 rows, 2 free texts, 1 single on the last page.</summary>
    private static object Survey()
    {
        var questions = new List<object>();
        string[] options = ["Yes", "No", "Maybe", "Later"];
        for (var i = 0; i < 4; i++)
        {
            questions.Add(new { text = $"Single {i}", kind = "single", page = 1, options });
        }

        for (var i = 0; i < 3; i++)
        {
            questions.Add(new { text = $"Multiple {i}", kind = "multiple", page = 1, options, maxChoices = 2 });
        }

        for (var i = 0; i < 5; i++)
        {
            questions.Add(new { text = $"Rating {i}", kind = "rating", page = 2 });
        }

        questions.Add(new { text = "NPS 0", kind = "nps", page = 2 });
        questions.Add(new { text = "NPS 1", kind = "nps", page = 2 });
        for (var i = 0; i < 3; i++)
        {
            questions.Add(new { text = $"Matrix {i}", kind = "matrix", page = 3, options = new[] { "Bad", "Fair", "Good" }, rows = new[] { "A", "B", "C" } });
        }

        questions.Add(new { text = "Text 0", kind = "text", page = 3 });
        questions.Add(new { text = "Text 1", kind = "text", page = 3 });
        questions.Add(new { text = "Last", kind = "single", page = 3, options });
        return new { title = "Benchmark survey", anonymous = true, resultsVisibility = "always", questions };
    }

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
    /// What that many anonymous responses write: a participation each, one free text per text question each, and the
    /// tallies they add up to (each response picks option n % count; departments "Dept 0".."Dept 9", sites "Site 0".."Site 2").
    /// </summary>
    private static async Task SeedAsync(TenantDatabase database, long surveyId, int responses)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var questions = await RowsAsync(connection, transaction, $"SELECT q.\"Id\", q.\"Kind\" FROM \"Polls_Questions\" q WHERE q.\"PollId\" = {surveyId}");
        var options = (await RowsAsync(connection, transaction, $"SELECT o.\"QuestionId\", o.\"Id\" FROM \"Polls_Options\" o JOIN \"Polls_Questions\" q ON q.\"Id\" = o.\"QuestionId\" WHERE q.\"PollId\" = {surveyId} ORDER BY o.\"Position\""))
            .ToLookup(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture), r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture));
        var tallies = new Dictionary<(long Option, string Dimension, string Value), (long Question, int Count)>();
        void Add(long question, long option, string dimension, string value) =>
            tallies[(option, dimension, value)] = (question, tallies.GetValueOrDefault((option, dimension, value)).Count + 1);
        await using (var participation = Command(connection, transaction, $"INSERT INTO \"Polls_Participations\" (\"PollId\", \"UserId\") VALUES ({surveyId}, @user)", "@user"))
        await using (var text = Command(connection, transaction, "INSERT INTO \"Polls_OtherAnswers\" (\"Id\", \"QuestionId\", \"UserId\", \"Text\") VALUES (@id, @question, NULL, @text)", "@id", "@question", "@text"))
        {
            for (var i = 0; i < responses; i++)
            {
                participation.Parameters[0].Value = $"seeded-{i:D7}";
                await participation.ExecuteNonQueryAsync();
                foreach (var row in questions)
                {
                    var (question, kind) = (Convert.ToInt64(row[0], CultureInfo.InvariantCulture), (string)row[1]!);
                    if (kind == "matrix")
                    {
                        Add(question, -question, "all", "");
                        continue;
                    }

                    Add(question, -question, "all", "");
                    if (kind == "text")
                    {
                        (text.Parameters[0].Value, text.Parameters[1].Value, text.Parameters[2].Value) = (Guid.NewGuid().ToString(), question, $"Free text {i}");
                        await text.ExecuteNonQueryAsync();
                        continue;
                    }

                    var choices = options[question].ToList();
                    var option = choices[(i + (int)question) % choices.Count];
                    foreach (var (dimension, value) in new[] { ("all", ""), ("department", $"Dept {i % 10}"), ("site", $"Site {i % 3}") })
                    {
                        Add(question, option, dimension, value);
                    }
                }
            }
        }

        foreach (var ((option, dimension, value), (question, count)) in tallies)
        {
            await ScalarAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO \"Polls_Tallies\" (\"OptionId\", \"Dimension\", \"Value\", \"QuestionId\", \"Count\") VALUES ({option}, '{dimension}', '{value}', {question}, {count})"));
        }

        await ScalarAsync(connection, transaction, $"UPDATE \"Polls_Polls\" SET \"ParticipantCount\" = {responses} WHERE \"Id\" = {surveyId}");
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
