using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using InternalSocial.Kernel.BackgroundTasks;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Workflows;

/// <summary>The workflow engine with small probe activities: branching, waiting and resuming, timers, faults and retries, concurrency, versions, bad definitions.</summary>
[Collection(WebCollection.Name)]
public sealed class WorkflowEngineTests(WorkflowEngineTests.Tenant tenant) : IClassFixture<WorkflowEngineTests.Tenant>
{
    [Fact]
    public async Task An_if_activity_branches_on_the_event_s_facts()
    {
        await SaveAsync(Workflow("branch", Start(new JsonObject { ["fact"] = "probe.key", ["equals"] = "branch" }),
            [If("check", new JsonObject { ["fact"] = "probe.value", ["equals"] = "left" }), Record("left", "L"), Record("right", "R")],
            [("start", "done", "check"), ("check", "true", "left"), ("check", "false", "right")]));

        await TriggerAsync("branch", "left");
        await TriggerAsync("branch", "other");
        var notes = await NotesAsync();
        Assert.Contains("L:left", notes);
        Assert.Contains("R:other", notes);
        Assert.DoesNotContain("R:left", notes);
    }

    [Fact]
    public async Task A_waiting_instance_resumes_on_its_correlation_key_only_and_once()
    {
        await SaveAsync(Workflow("wait", Start(new JsonObject { ["fact"] = "probe.value", ["equals"] = "begin" }),
            [Record("first", "first"), Event("again"), Record("second", "second")],
            [("start", "done", "first"), ("first", "done", "again"), ("again", "done", "second")]));

        await TriggerAsync("order-1", "begin");
        await TriggerAsync("order-2", "begin");
        Assert.Equal(2, (await InstancesAsync("wait", "Waiting")).Count);

        // Two resumes of the same instance at once: one of them resumes it, the other finds nothing to resume.
        await Task.WhenAll(TriggerAsync("order-1", "go"), TriggerAsync("order-1", "go"));
        Assert.Single(await NotesAsync(), n => n == "second:go");
        Assert.Single(await InstancesAsync("wait", "Waiting"));
        Assert.Single(await InstancesAsync("wait", "Finished"));
    }

    [Fact]
    public async Task A_delay_fires_when_its_time_comes_on_the_clock()
    {
        await SaveAsync(Workflow("timer", Start(new JsonObject { ["fact"] = "probe.key", ["equals"] = "timer" }),
            [new JsonObject { ["id"] = "pause", ["type"] = "delay", ["properties"] = new JsonObject { ["duration"] = "2h" } }, Record("after", "after")],
            [("start", "done", "pause"), ("pause", "done", "after")]));
        await TriggerAsync("timer", "t");
        var runner = tenant.Host.Services.GetRequiredService<BackgroundTaskRunner>();
        try
        {
            tenant.Host.Clock.Advance(TimeSpan.FromHours(1));
            await runner.RunDueTasksAsync(CancellationToken.None);
            Assert.DoesNotContain("after:t", await NotesAsync());

            tenant.Host.Clock.Advance(TimeSpan.FromHours(1.5));
            await runner.RunDueTasksAsync(CancellationToken.None);
            Assert.Contains("after:t", await NotesAsync());
            Assert.Single(await InstancesAsync("timer", "Finished"));
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }
    }

    [Fact]
    public async Task A_failing_step_faults_the_instance_undoes_its_run_and_a_retry_finishes_it()
    {
        await SaveAsync(Workflow("fault", Start(new JsonObject { ["fact"] = "probe.key", ["equals"] = "fault" }),
            [Record("write", "written"), new JsonObject { ["id"] = "boom", ["type"] = "probe.fail" }],
            [("start", "done", "write"), ("write", "done", "boom")]));
        ProbeWorkflowState.ShouldFail = true;
        try
        {
            await TriggerAsync("fault", "x");
        }
        finally
        {
            ProbeWorkflowState.ShouldFail = false;
        }

        // Nothing by half: the row written before the failure was rolled back with it.
        Assert.DoesNotContain("written:x", await NotesAsync());
        var faulted = Assert.Single(await InstancesAsync("fault", "Faulted"));
        Assert.Contains("boom", faulted.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("told to fail", faulted.GetProperty("error").GetString(), StringComparison.Ordinal);

        var id = faulted.GetProperty("id").GetString();
        var retried = await (await tenant.Admin.PostAsync($"api/v1/workflows/instances/{id}/retry", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Finished", retried.GetProperty("status").GetString());
        Assert.Single(await NotesAsync(), n => n == "written:x");
        await (await tenant.Admin.PostAsync($"api/v1/workflows/instances/{id}/retry", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        var detail = await (await tenant.Admin.GetAsync($"api/v1/workflows/instances/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("outcome").GetString() == "faulted");
    }

    [Fact]
    public async Task A_running_instance_keeps_its_version_when_the_definition_changes()
    {
        JsonObject Version(string text) => Workflow("versions", Start(new JsonObject { ["fact"] = "probe.value", ["equals"] = "v-start" }),
            [Event("resume"), Record("write", text)], [("start", "done", "resume"), ("resume", "done", "write")]);
        await SaveAsync(Version("v1"));
        await TriggerAsync("ver-a", "v-start");

        var updated = await (await tenant.Admin.PutAsJsonAsync("api/v1/workflows/versions", Version("v2"))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        await TriggerAsync("ver-b", "v-start");

        await TriggerAsync("ver-a", "go-a");
        await TriggerAsync("ver-b", "go-b");
        var notes = await NotesAsync();
        Assert.Contains("v1:go-a", notes);
        Assert.Contains("v2:go-b", notes);

        // Saving the same definition again is not a new version (recipes run twice).
        var same = await (await tenant.Admin.PutAsJsonAsync("api/v1/workflows/versions", Version("v2"))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, same.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Bad_definitions_are_refused_with_a_message_naming_the_activity_and_nothing_is_saved()
    {
        var unknownTarget = Workflow("bad-target", Start(null), [Record("write", "x")], [("start", "done", "write"), ("write", "done", "nowhere")]);
        var cycle = Workflow("bad-cycle", Start(null), [If("ping", new JsonObject { ["fact"] = "probe.value", ["equals"] = "a" }), Record("pong", "x")],
            [("start", "done", "ping"), ("ping", "true", "pong"), ("ping", "false", "pong"), ("pong", "done", "ping")]);
        var unknownType = Workflow("bad-type", Start(null), [new JsonObject { ["id"] = "mystery", ["type"] = "teleport" }], [("start", "done", "mystery")]);
        var badCondition = Workflow("bad-condition", Start(null), [If("test", new JsonObject { ["fact"] = "probe.value", ["resembles"] = "a" })], [("start", "done", "test")]);
        var unknownFact = Workflow("bad-fact", Start(null), [If("guess", new JsonObject { ["fact"] = "weather.today", ["equals"] = "sun" })], [("start", "done", "guess")]);

        // This tenant has no groups: an approval by "the group's moderators" would reach nobody.
        var noGroups = Workflow("bad-assignee", Start(null),
            [new JsonObject { ["id"] = "approve", ["type"] = "approval", ["properties"] = new JsonObject { ["assignees"] = new JsonArray(new JsonObject { ["groupModerators"] = true }) } }],
            [("start", "done", "approve")]);

        foreach (var (definition, field, named) in new[]
        {
            (unknownTarget, "transitions[1].to", "nowhere"),
            (cycle, "activities.ping", "pong"),
            (unknownType, "activities.mystery.type", "teleport"),
            (badCondition, "activities.test.condition", "test"),
            (unknownFact, "activities.guess.condition.fact", "weather.today"),
            (noGroups, "activities.approve.assignees[0].groupModerators", "InternalSocial.Groups.Workflows"),
        })
        {
            var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/workflows", definition)).ExpectProblemAsync(HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var message), $"{definition["id"]}: {errors}");
            Assert.Contains(named, message.ToString(), StringComparison.Ordinal);
            await (await tenant.Admin.GetAsync($"api/v1/workflows/{definition["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        }

        var notJson = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        Assert.True((await (await tenant.Admin.PostAsync("api/v1/workflows", notJson)).ExpectProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_bad_definition_is_explained_in_the_language_of_the_request()
    {
        var unknownFact = Workflow("mauvais-fait", Start(null), [If("devine", new JsonObject { ["fact"] = "weather.today", ["equals"] = "sun" })], [("start", "done", "devine")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/workflows") { Content = JsonContent.Create(unknownFact) };
        request.Headers.AcceptLanguage.ParseAdd("fr");

        var problem = await (await tenant.Admin.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("activities.devine.condition.fact").ToString();
        Assert.Contains("Activité « devine » (if) : condition.fact : fait inconnu « weather.today »", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_workflow_managers_read_or_change_workflows()
    {
        var employee = await tenant.EmployeeAsync();
        await (await employee.GetAsync("api/v1/workflows")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.PostAsJsonAsync("api/v1/workflows", Workflow("sneaky", Start(null), [Record("w", "x")], [("start", "done", "w")]))).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task SaveAsync(JsonObject definition) =>
        await (await tenant.Admin.PostAsJsonAsync("api/v1/workflows", definition)).ExpectJsonAsync(HttpStatusCode.Created);

    private async Task TriggerAsync(string key, string value) =>
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.PostAsync($"probe/workflows/trigger?key={key}&value={value}", null)).StatusCode);

    private async Task<List<string>> NotesAsync() =>
        (await (await tenant.Admin.GetAsync("probe/notes")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(n => n.GetString()!).ToList();

    private async Task<List<JsonElement>> InstancesAsync(string workflowId, string status) =>
        [.. (await (await tenant.Admin.GetAsync($"api/v1/workflows/{workflowId}/instances?status={status}")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray()];

    private static JsonObject Start(JsonObject? condition)
    {
        var properties = new JsonObject();
        if (condition is not null)
        {
            properties["condition"] = condition;
        }

        return new JsonObject { ["id"] = "start", ["type"] = "probe.event", ["properties"] = properties };
    }

    private static JsonObject Event(string id) => new() { ["id"] = id, ["type"] = "probe.event" };

    private static JsonObject Record(string id, string text) => new() { ["id"] = id, ["type"] = "probe.record", ["properties"] = new JsonObject { ["text"] = text } };

    private static JsonObject If(string id, JsonObject condition) => new() { ["id"] = id, ["type"] = "if", ["properties"] = new JsonObject { ["condition"] = condition } };

    private static JsonObject Workflow(string id, JsonObject start, JsonObject[] activities, (string From, string Outcome, string To)[] transitions) => new()
    {
        ["id"] = id,
        ["name"] = $"Test {id}",
        ["start"] = "start",
        ["activities"] = new JsonArray([start, .. activities]),
        ["transitions"] = new JsonArray([.. transitions.Select(t => (JsonNode)new JsonObject { ["from"] = t.From, ["outcome"] = t.Outcome, ["to"] = t.To })]),
    };

    public sealed class Tenant : TestTenant
    {
        private HttpClient? _employee;

        public Tenant()
            : base(Kernel.Shells.DatabaseProvider.Sqlite, "minimal")
        {
        }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var feature in new[] { "InternalSocial.Probe", "InternalSocial.Workflows", "InternalSocial.Probe.Workflows" })
            {
                await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }
        }

        public async Task<HttpClient> EmployeeAsync()
        {
            if (_employee is null)
            {
                await CreateUserAsync("employee", "Empl0yee-Password", Kernel.Security.BuiltInRoles.Employee);
                _employee = await Host.CreateTokenClientAsync(Prefix, "employee", "Empl0yee-Password");
            }

            return _employee;
        }
    }
}
