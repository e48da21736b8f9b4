using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Kernel.Data;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using InternalSocial.Workflows.Abstractions;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks;

/// <summary>
/// <c>--workflows [events] [pending] [requests]</c> (issue 8): events per second through the engine with 10 enabled
/// workflow types starting on the same event (half branch and finish, half create an approval task and wait), one event
/// at a time; then the moderation queue (<c>GET /api/v1/moderation/tasks</c>, first page of 50, and the <c>/moderation</c>
/// page) with that many pending tasks, for an administrator (every task) and for a moderator (tasks of their role),
/// median and p99.
/// </summary>
internal static class WorkflowBenchmark
{
    public static async Task RunAsync(int events, int pending, int requests, TextWriter output)
    {
        await using var host = await InternalSocialHost.StartAsync(Transport.Kestrel);
        await host.Features.EnableAsync(InternalSocialHost.Tenant, ["InternalSocial.Workflows", "Bench.Workflows"], CancellationToken.None);
        var shell = await host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        var (adminToken, moderatorToken) = await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var tokens = services.GetRequiredService<AccessTokenService>();
            var admin = await users.FindByNameAsync("admin") ?? throw new InvalidOperationException("No admin.");
            var moderator = new User { UserName = "benchmod", Email = "benchmod@bench.test", DisplayName = "Bench moderator", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            (await users.CreateAsync(moderator)).Succeeded.ToString();
            await users.AddToRoleAsync(moderator, "Moderator");
            return ((await tokens.CreateForUserAsync(admin.Id, "bench", null, CancellationToken.None)).Token,
                (await tokens.CreateForUserAsync(moderator.Id, "bench", null, CancellationToken.None)).Token);
        });

        await shell.InScopeAsync(async services =>
        {
            var store = services.GetRequiredService<WorkflowDefinitionStore>();
            for (var i = 0; i < 10; i++)
            {
                var definition = await store.ValidateAsync(Definition(i, withApproval: i % 2 == 1), CancellationToken.None);
                await store.SaveAsync(definition, "", SaveMode.Upsert, CancellationToken.None);
            }

            return 0;
        });

        // Warm up, then one event at a time through the engine (its own scope per event, as a request would have).
        for (var i = 0; i < 50; i++)
        {
            await TriggerAsync(shell, i);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            await TriggerAsync(shell, 1000 + i);
        }

        watch.Stop();
        var database = shell.Services.GetRequiredService<TenantDatabase>();
        var seeding = Stopwatch.StartNew();
        await SeedTasksAsync(database, pending);
        seeding.Stop();

        var admin = Client(host, adminToken);
        var moderator = Client(host, moderatorToken);
        for (var i = 0; i < 50; i++)
        {
            (await admin.GetAsync("/api/v1/moderation/tasks")).EnsureSuccessStatusCode();
            (await moderator.GetAsync("/api/v1/moderation/tasks")).EnsureSuccessStatusCode();
        }

        var adminPage = await FeedBenchmark.TimeAsync(requests, async _ => (await admin.GetAsync("/api/v1/moderation/tasks")).EnsureSuccessStatusCode());
        var moderatorPage = await FeedBenchmark.TimeAsync(requests, async _ => (await moderator.GetAsync("/api/v1/moderation/tasks")).EnsureSuccessStatusCode());
        var groupPage = await FeedBenchmark.TimeAsync(requests, async _ => (await admin.GetAsync("/api/v1/moderation/tasks?groupId=7")).EnsureSuccessStatusCode());
        var htmlPage = await FeedBenchmark.TimeAsync(requests, async _ => (await moderator.GetAsync("/moderation")).EnsureSuccessStatusCode());

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {database.Provider}, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Engine: {events:N0} events, 10 workflow types each (5 finish, 5 create an approval task): {events / watch.Elapsed.TotalSeconds:F0} events/s, {watch.Elapsed.TotalMilliseconds / events:F2} ms per event ({events * 10:N0} instances)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {pending:N0} more pending tasks in {seeding.Elapsed.TotalSeconds:F1} s."));
        output.WriteLine("| Moderation queue, first page of 50 | Median ms | P99 ms |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Administrator (every task) | {adminPage.Median:F2} | {adminPage.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Moderator (tasks of the role, checked per task) | {moderatorPage.Median:F2} | {moderatorPage.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Administrator, one group's tasks (1 in 100) | {groupPage.Median:F2} | {groupPage.P99:F2} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| The /moderation page (HTML, moderator, with the group filter) | {htmlPage.Median:F2} | {htmlPage.P99:F2} |"));
    }

    private static Task<int> TriggerAsync(Kernel.Shells.ShellContext shell, int n) => shell.InScopeAsync(async services =>
    {
        await services.GetRequiredService<IWorkflowEngine>().TriggerAsync("bench.event", $"bench:{n}", new Dictionary<string, JsonNode?>
        {
            ["bench.n"] = n,
            ["subject.type"] = "bench",
            ["subject.id"] = n.ToString(CultureInfo.InvariantCulture),
            ["subject.groupId"] = null,
            ["subject.authorId"] = "",
            ["subject.summary"] = $"Benchmark item {n}",
        }, CancellationToken.None);
        return 0;
    });

    private static JsonObject Definition(int index, bool withApproval)
    {
        var activities = new JsonArray
        {
            new JsonObject { ["id"] = "start", ["type"] = "bench.event", ["properties"] = new JsonObject { ["condition"] = new JsonObject { ["fact"] = "bench.n", ["greaterThan"] = -1 } } },
            new JsonObject { ["id"] = "check", ["type"] = "if", ["properties"] = new JsonObject { ["condition"] = new JsonObject { ["any"] = new JsonArray(
                new JsonObject { ["fact"] = "subject.summary", ["containsAny"] = new JsonArray("strike", "lawsuit", "benchmark") },
                new JsonObject { ["fact"] = "bench.n", ["lessThan"] = 0 }) } } },
        };
        var transitions = new JsonArray { new JsonObject { ["from"] = "start", ["to"] = "check" } };
        if (withApproval)
        {
            activities.Add(new JsonObject { ["id"] = "approve", ["type"] = "approval", ["properties"] = new JsonObject { ["assignees"] = new JsonArray(new JsonObject { ["role"] = "Moderator" }), ["escalateAfter"] = "48h" } });
            transitions.Add(new JsonObject { ["from"] = "check", ["outcome"] = "true", ["to"] = "approve" });
        }

        return new JsonObject
        {
            ["id"] = $"bench-{index:D2}",
            ["name"] = $"Benchmark workflow {index}",
            ["start"] = "start",
            ["activities"] = activities,
            ["transitions"] = transitions,
        };
    }

    private static HttpClient Client(RunningApp host, string token)
    {
        var client = new HttpClient { BaseAddress = host.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Pending tasks by plain SQL: one in 100 in group 7, assigned to the Moderator role or to a group.</summary>
    private static async Task SeedTasksAsync(TenantDatabase database, int count)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var task = connection.CreateCommand();
        task.Transaction = transaction;
        task.CommandText = "INSERT INTO \"Workflows_Tasks\" (\"InstanceId\", \"ActivityId\", \"SubjectType\", \"SubjectId\", \"GroupId\", \"AuthorId\", \"Summary\", \"Status\", \"EscalationCount\", \"CreatedUtc\") VALUES (@instance, 'approve', 'bench', @subject, @group, '', @summary, 0, 0, @created)";
        var instance = Parameter(task, "instance");
        var subject = Parameter(task, "subject");
        var group = Parameter(task, "group");
        var summary = Parameter(task, "summary");
        Parameter(task, "created").Value = DateTime.UtcNow;
        await using var assignee = connection.CreateCommand();
        assignee.Transaction = transaction;
        assignee.CommandText = "INSERT INTO \"Workflows_TaskAssignees\" (\"TaskId\", \"Kind\", \"Value\") SELECT MAX(\"Id\"), @kind, @value FROM \"Workflows_Tasks\"";
        var kind = Parameter(assignee, "kind");
        var value = Parameter(assignee, "value");
        for (var i = 0; i < count; i++)
        {
            instance.Value = Guid.NewGuid().ToString("D");
            subject.Value = i.ToString(CultureInfo.InvariantCulture);
            group.Value = i % 100 == 0 ? 7L : DBNull.Value;
            summary.Value = $"Pending benchmark item {i}";
            await task.ExecuteNonQueryAsync();
            (kind.Value, value.Value) = i % 3 == 0 ? ("group", "7") : ("role", "Moderator");
            await assignee.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
