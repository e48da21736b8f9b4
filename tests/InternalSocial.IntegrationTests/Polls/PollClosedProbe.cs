using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A workflow that records each <c>polls.closed</c> of one title, for the tests that count how often a close is
/// announced (by deadline, by hand, on several nodes at once).
/// </summary>
internal static class PollClosedProbe
{
    /// <summary>Publishes the workflow as <paramref name="admin"/>; its id.</summary>
    public static async Task<string> CreateAsync(HttpClient admin, string title)
    {
        var id = "closed-" + Guid.NewGuid().ToString("N")[..8];
        var workflow = new JsonObject
        {
            ["id"] = id,
            ["name"] = "Closed " + id,
            ["start"] = "start",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "polls.closed", ["properties"] = new JsonObject { ["condition"] = new JsonObject { ["fact"] = "poll.title", ["equals"] = title } } },
                new JsonObject { ["id"] = "note", ["type"] = "probe.record", ["properties"] = new JsonObject { ["text"] = "closed" } }),
            ["transitions"] = new JsonArray(new JsonObject { ["from"] = "start", ["outcome"] = "done", ["to"] = "note" }),
        };
        await (await admin.PostAsJsonAsync("api/v1/workflows", workflow)).ExpectJsonAsync(HttpStatusCode.Created);
        return id;
    }

    /// <summary>The workflow's finished instances: one per announced close.</summary>
    public static async Task<List<JsonElement>> FinishedAsync(HttpClient admin, string workflowId) =>
        [.. (await (await admin.GetAsync($"api/v1/workflows/{workflowId}/instances?status=Finished")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray()];
}
