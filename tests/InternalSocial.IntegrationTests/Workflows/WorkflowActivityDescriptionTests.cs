using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Workflows;

/// <summary>
/// A module adds an editable activity by describing its fields (the probe's <c>probe.remind</c>): the editor draws its
/// inputs and the definition's check validates them, without Workflows naming the activity.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WorkflowActivityDescriptionTests(WorkflowEngineTests.Tenant tenant) : IClassFixture<WorkflowEngineTests.Tenant>
{
    [Fact]
    public async Task The_editor_draws_a_described_activity_s_inputs_and_refuses_a_bad_value_naming_the_field()
    {
        using var admin = await BrowserAsync();
        var fields = new Dictionary<string, string>
        {
            ["Id"] = "remind-test",
            ["Name"] = "Remind test",
            ["Start"] = "start",
            ["Activities[0].Id"] = "start",
            ["Activities[0].Type"] = "probe.event",
            ["Activities[1].Id"] = "remind",
            ["Activities[1].Type"] = "probe.remind",
            ["Transitions[0].From"] = "start",
            ["Transitions[0].Outcome"] = "done",
            ["Transitions[0].To"] = "remind",
            ["command"] = "refresh",
        };

        // The type's description gives the step its inputs, each with its label.
        var refreshed = await (await admin.SubmitAsync("admin/workflows/new", "admin/workflows/save", fields)).Content.ReadAsStringAsync();
        var step = Fieldset(refreshed, "activity-1");
        Assert.Contains("<label for=\"a1-after\">Remind after</label>", step, StringComparison.Ordinal);
        Assert.Contains("name=\"Activities[1].Priority\"", step, StringComparison.Ordinal);
        Assert.Contains("<option value=\"firm\"", step, StringComparison.Ordinal);
        Assert.Contains("name=\"Activities[1].Note\"", step, StringComparison.Ordinal);
        Assert.DoesNotContain("a1-after", Fieldset(refreshed, "activity-0"), StringComparison.Ordinal);

        fields["command"] = "save";
        fields["Activities[1].After"] = "2h";
        fields["Activities[1].Priority"] = "9";
        fields["Activities[1].Tone"] = "firm";
        var bad = await admin.SubmitAsync("admin/workflows/new", "admin/workflows/save", fields);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badStep = Fieldset(await bad.Content.ReadAsStringAsync(), "activity-1");
        Assert.Contains("priority: must be a number from 1 to 5.", badStep, StringComparison.Ordinal);
        Assert.Contains("value=\"9\"", badStep, StringComparison.Ordinal);
        await (await tenant.Admin.GetAsync("api/v1/workflows/remind-test")).ExpectProblemAsync(HttpStatusCode.NotFound);

        fields["Activities[1].Priority"] = "3";
        fields["Activities[1].Note"] = "Be kind";
        var saved = await admin.SubmitAsync("admin/workflows/new", "admin/workflows/save", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var definition = await (await tenant.Admin.GetAsync("api/v1/workflows/remind-test")).ExpectJsonAsync(HttpStatusCode.OK);
        var properties = definition.GetProperty("activities")[1].GetProperty("properties");
        Assert.Equal("2h", properties.GetProperty("after").GetString());
        Assert.Equal(3, properties.GetProperty("priority").GetInt32());
        Assert.Equal("firm", properties.GetProperty("tone").GetString());
        Assert.Equal("Be kind", properties.GetProperty("note").GetString());

        // The edit form puts each saved property back in its input, and leaves the JSON box empty.
        var edit = Fieldset(await admin.GetStringAsync("admin/workflows/remind-test/edit"), "activity-1");
        Assert.Contains("id=\"a1-after\" name=\"Activities[1].After\" value=\"2h\"", edit, StringComparison.Ordinal);
        Assert.Contains("<option value=\"firm\" selected=\"selected\">", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;after&quot;", edit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("after", "soon", "activities.remind.after")]
    [InlineData("priority", "high", "activities.remind.priority")]
    [InlineData("tone", "loud", "activities.remind.tone")]
    [InlineData("note", "a note longer than twenty characters", "activities.remind.note")]
    public async Task The_api_checks_a_described_field_and_names_it(string key, string value, string field)
    {
        var properties = new JsonObject { ["after"] = "1h", [key] = value };
        var definition = new JsonObject
        {
            ["id"] = $"remind-{key}",
            ["name"] = "Remind",
            ["start"] = "start",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "probe.event" },
                new JsonObject { ["id"] = "remind", ["type"] = "probe.remind", ["properties"] = properties }),
            ["transitions"] = new JsonArray(new JsonObject { ["from"] = "start", ["to"] = "remind" }),
        };

        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/workflows", definition)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var message), errors.ToString());
        Assert.Contains($"Activity 'remind' (probe.remind): {key}:", message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_field_is_named_and_the_described_activity_lists_no_other_problem()
    {
        var definition = new JsonObject
        {
            ["id"] = "remind-missing",
            ["name"] = "Remind",
            ["start"] = "start",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "probe.event" },
                new JsonObject { ["id"] = "remind", ["type"] = "probe.remind", ["properties"] = new JsonObject { ["priority"] = 2 } }),
            ["transitions"] = new JsonArray(new JsonObject { ["from"] = "start", ["to"] = "remind" }),
        };

        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/workflows", definition)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["activities.remind.after"], errors);
    }

    private async Task<HttpClient> BrowserAsync()
    {
        var client = tenant.Host.CreateClient(tenant.Prefix);
        var signedIn = await client.SignInAsync("admin", HostFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    private static string Fieldset(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No element {id} on the page.");
        var end = html.IndexOf("class=\"editor-activity\"", start + 1, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
