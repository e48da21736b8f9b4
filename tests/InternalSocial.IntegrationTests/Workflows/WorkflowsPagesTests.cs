using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Workflows;

/// <summary>
/// Issue 8's pages: the moderation queue (decisions through its forms, with antiforgery; bulk decisions; the
/// <c>?task=</c> link), the moderation log and its CSV export, and the workflow administration (diagram, editor,
/// import and export, instances), each for the right people only. On the <c>moderated</c> recipe's tenant.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class WorkflowsPagesTests(ModerationSqliteTenant tenant) : IClassFixture<ModerationSqliteTenant>
{
    private const string Password = "M0derated-Password";

    [Fact]
    public async Task A_moderator_sees_only_their_tasks_on_the_queue_page_and_approves_one_through_its_form()
    {
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "Queue page: new canteen menu");
        var taskId = await TaskIdAsync(tenant.ModeratorA, postId);
        using var moda = await BrowserAsync("moda");
        using var modb = await BrowserAsync("modb");

        var page = await moda.GetStringAsync("moderation");
        Assert.Contains("Queue page: new canteen menu", page, StringComparison.Ordinal);
        Assert.Contains("Official news", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"task-{taskId}\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/" + tenant.Prefix + "/moderation\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Queue page: new canteen menu", await modb.GetStringAsync("moderation"), StringComparison.Ordinal);

        // Group B's moderator can neither decide it through the form (404) nor see it with ?task=.
        using var bulk = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approved", ["ids"] = $"{taskId}", ["__RequestVerificationToken"] = AnyToken(await modb.GetStringAsync("moderation")) });
        Assert.Equal(HttpStatusCode.Redirect, (await modb.PostAsync("moderation/bulk", bulk)).StatusCode);
        Assert.Contains("not in your queue", await modb.GetStringAsync("moderation"), StringComparison.Ordinal);
        Assert.DoesNotContain("canteen", await modb.GetStringAsync($"moderation?task={taskId}"), StringComparison.Ordinal);

        var approved = await moda.SubmitAsync("moderation", $"moderation/tasks/{taskId}/decide", new Dictionary<string, string> { ["decision"] = "approved" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await (await tenant.Reader.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        var after = await moda.GetStringAsync("moderation");
        Assert.DoesNotContain($"id=\"task-{taskId}\"", after, StringComparison.Ordinal);
        Assert.Contains("Approved: it is published.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_without_a_reason_shows_the_error_at_the_field_and_a_decision_taken_meanwhile_shows_already_decided()
    {
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "Reason test: parking rules");
        var taskId = await TaskIdAsync(tenant.ModeratorA, postId);
        using var moda = await BrowserAsync("moda");

        var missing = await moda.SubmitAsync("moderation", $"moderation/tasks/{taskId}/decide", new Dictionary<string, string> { ["decision"] = "rejected", ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Matches(new Regex($"id=\"reason-{taskId}\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"reason-error-{taskId}\""), html);
        Assert.Contains($"id=\"reason-error-{taskId}\"", html, StringComparison.Ordinal);
        Assert.Contains("A reason is required", html, StringComparison.Ordinal);

        // The page was loaded, then someone else decided: the form's post answers 409 and says so.
        var page = await moda.GetStringAsync("moderation");
        await (await tenant.ModeratorA2.PostAsJsonAsync($"api/v1/moderation/tasks/{taskId}/request-changes", new { reason = "Say which car park" })).ExpectJsonAsync(HttpStatusCode.OK);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approved", ["__RequestVerificationToken"] = Token(page, $"moderation/tasks/{taskId}/decide") });
        var late = await moda.PostAsync($"moderation/tasks/{taskId}/decide", form);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Already decided", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("ChangesRequested", (await (await tenant.Author.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());

        // Without the form's token, nothing is decided.
        var other = await TaskIdAsync(tenant.ModeratorA, await PostAsync(tenant.Author, tenant.OfficialId, "Reason test: no token"));
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approved" });
        Assert.Equal(HttpStatusCode.BadRequest, (await moda.PostAsync($"moderation/tasks/{other}/decide", forged)).StatusCode);
        Assert.Contains(other, await OpenTaskIdsAsync(tenant.ModeratorA));
    }

    [Fact]
    public async Task Bulk_rejection_decides_each_task_and_reports_those_already_decided()
    {
        var first = await TaskIdAsync(tenant.ModeratorA, await PostAsync(tenant.Author, tenant.OfficialId, "Bulk one"));
        var second = await TaskIdAsync(tenant.ModeratorA, await PostAsync(tenant.Author, tenant.OfficialId, "Bulk two"));
        var third = await TaskIdAsync(tenant.ModeratorA, await PostAsync(tenant.Author, tenant.OfficialId, "Bulk three"));
        using var moda = await BrowserAsync("moda");
        var page = await moda.GetStringAsync("moderation");
        await (await tenant.ModeratorA2.PostAsync($"api/v1/moderation/tasks/{second}/approve", null)).ExpectJsonAsync(HttpStatusCode.OK);

        var token = Token(page, "moderation/bulk");
        using var noReason = new FormUrlEncodedContent([new("decision", "rejected"), new("ids", $"{first}"), new("__RequestVerificationToken", token)]);
        var refused = await moda.PostAsync("moderation/bulk", noReason);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"bulk-reason-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(first, await OpenTaskIdsAsync(tenant.ModeratorA));

        using var form = new FormUrlEncodedContent([
            new("decision", "rejected"), new("reason", "Duplicates"), new("ids", $"{first}"), new("ids", $"{second}"), new("ids", $"{third}"),
            new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, (await moda.PostAsync("moderation/bulk", form)).StatusCode);
        var report = await moda.GetStringAsync("moderation");
        Assert.Contains("2 rejected.", report, StringComparison.Ordinal);
        Assert.Contains($"Already decided by someone else: #{second}.", report, StringComparison.Ordinal);
        var open = await OpenTaskIdsAsync(tenant.ModeratorA);
        Assert.DoesNotContain(first, open);
        Assert.DoesNotContain(third, open);
    }

    [Fact]
    public async Task A_task_link_highlights_the_task_and_the_group_filter_narrows_the_queue()
    {
        var official = await TaskIdAsync(tenant.ModeratorA, await PostAsync(tenant.Author, tenant.OfficialId, "Filter: official item"));
        var works = await TaskIdAsync(tenant.ModeratorB, await PostAsync(tenant.Author, tenant.OtherId, "Filter: works council item"));
        using var admin = await BrowserAsync("admin");

        var all = await admin.GetStringAsync("moderation");
        Assert.Contains("Filter: official item", all, StringComparison.Ordinal);
        Assert.Contains("Filter: works council item", all, StringComparison.Ordinal);
        Assert.Matches(new Regex($"<option value=\"{tenant.OtherId}\"[^>]*>Works council \\(\\d+\\)</option>"), all);
        var filtered = await admin.GetStringAsync($"moderation?groupId={tenant.OtherId}");
        Assert.DoesNotContain("Filter: official item", filtered, StringComparison.Ordinal);
        Assert.Contains("Filter: works council item", filtered, StringComparison.Ordinal);

        var highlighted = await admin.GetStringAsync($"moderation?task={works}");
        Assert.Contains($"id=\"task-{works}\" class=\"card task-item highlighted\"", highlighted, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"task-{official}\" class=\"card task-item highlighted\"", highlighted, StringComparison.Ordinal);
        Assert.True(highlighted.IndexOf($"id=\"task-{works}\"", StringComparison.Ordinal) < highlighted.IndexOf($"id=\"task-{official}\"", StringComparison.Ordinal), "The followed task comes first.");

        await (await tenant.Admin.PostAsync($"api/v1/moderation/tasks/{works}/approve", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("already decided", await admin.GetStringAsync($"moderation?task={works}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_answer_403_to_people_without_the_permission_and_404_for_what_does_not_exist()
    {
        await tenant.CreateUserAsync("guestpages", Password, BuiltInRoles.Guest);
        using var guest = await BrowserAsync("guestpages");
        using var moda = await BrowserAsync("moda");
        using var sitemod = await BrowserAsync("sitemod");
        using var director = await BrowserAsync("director");

        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync("moderation")).StatusCode);
        var guestPage = await guest.GetAsync("account");
        Assert.Equal(HttpStatusCode.OK, guestPage.StatusCode);
        Assert.DoesNotContain("href=\"/" + tenant.Prefix + "/moderation\"", await guestPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await moda.GetAsync("admin/moderation/log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moda.GetAsync("admin/workflows")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sitemod.GetAsync("admin/workflows")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sitemod.GetAsync("admin/workflows/approve-group-posts/export")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sitemod.GetAsync("admin/moderation/log")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync("admin/workflows")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync("admin/workflows/no-such-workflow")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync("admin/workflows/instances/no-such-instance")).StatusCode);

        var page = await moda.GetStringAsync("moderation");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approved", ["__RequestVerificationToken"] = AnyToken(page) });
        Assert.Equal(HttpStatusCode.NotFound, (await moda.PostAsync("moderation/tasks/999999/decide", form)).StatusCode);

        using var admin = await BrowserAsync("admin");
        var adminMenu = await admin.GetStringAsync("admin/workflows");
        Assert.Contains("href=\"/" + tenant.Prefix + "/admin/moderation/log\"", adminMenu, StringComparison.Ordinal);
        Assert.Contains("href=\"/" + tenant.Prefix + "/admin/workflows\"", adminMenu, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_page_and_its_csv_export_list_every_decision_with_formula_cells_neutralised()
    {
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "CSV: quarterly figures");
        var taskId = await TaskIdAsync(tenant.ModeratorA, postId);
        const string Formula = "=HYPERLINK(\"http://evil.test\",\"click\"), then more";
        await (await tenant.ModeratorA.PostAsJsonAsync($"api/v1/moderation/tasks/{taskId}/reject", new { reason = Formula })).ExpectJsonAsync(HttpStatusCode.OK);
        var plus = await TaskIdAsync(tenant.ModeratorA, await PostAsync(tenant.Author, tenant.OfficialId, "CSV: second"));
        await (await tenant.ModeratorA.PostAsJsonAsync($"api/v1/moderation/tasks/{plus}/request-changes", new { reason = "+1 and @cmd and -2" })).ExpectJsonAsync(HttpStatusCode.OK);

        using var sitemod = await BrowserAsync("sitemod");
        var page = await sitemod.GetStringAsync("admin/moderation/log");
        Assert.Contains("HYPERLINK", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("moda", page, StringComparison.Ordinal);

        var csv = await sitemod.GetAsync("api/v1/moderation/log.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,actor,action,subjectType,subjectId,groupId,reason", lines[0]);
        var subject = postId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(lines, l => l.Contains($",moda,rejected,post,{subject},{tenant.OfficialId},\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\"), then more\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",'+1 and @cmd and -2", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1).SelectMany(l => l.Split(',')), cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@');

        var all = await (await tenant.Admin.GetAsync("api/v1/moderation/log?take=5000")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(all.GetProperty("items").GetArrayLength(), lines.Length - 1);

        using var moda = await BrowserAsync("moda");
        await (await moda.GetAsync("api/v1/moderation/log.csv")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.ModeratorA.GetAsync("api/v1/moderation/log.csv")).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_editor_shows_a_bad_definition_s_errors_at_the_step_they_name_then_saves_the_fixed_one()
    {
        using var director = await BrowserAsync("director");
        var fields = new Dictionary<string, string>
        {
            ["Id"] = "editor-test",
            ["Name"] = "Editor test",
            ["Start"] = "submitted",
            ["Enabled"] = "false",
            ["Activities[0].Id"] = "submitted",
            ["Activities[0].Type"] = "feed.postSubmitted",
            ["Activities[0].ConditionFact"] = "author.isGuest",
            ["Activities[0].ConditionOperator"] = "equals",
            ["Activities[0].ConditionValue"] = "true",
            ["Activities[1].Id"] = "approve",
            ["Activities[1].Type"] = "approval",
            ["Activities[1].Roles"] = "Moderator, CommunicationDirector",
            ["Activities[1].GroupModerators"] = "true",
            ["Activities[1].EscalateAfter"] = "soon",
            ["Activities[2].Id"] = "publish",
            ["Activities[2].Type"] = "feed.publishPost",
            ["Activities[2].PropertiesJson"] = "",
            ["Transitions[0].From"] = "submitted",
            ["Transitions[0].Outcome"] = "done",
            ["Transitions[0].To"] = "approve",
            ["Transitions[1].From"] = "approve",
            ["Transitions[1].Outcome"] = "approved",
            ["Transitions[1].To"] = "publish",
            ["command"] = "save",
        };
        var bad = await director.SubmitAsync("admin/workflows/new", "admin/workflows/save", fields);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        var approveStep = Fieldset(html, "activity-1");
        Assert.Contains("escalateAfter", approveStep, StringComparison.Ordinal);
        Assert.Contains("Activity &#x27;approve&#x27;", approveStep, StringComparison.Ordinal);
        Assert.DoesNotContain("escalateAfter", Fieldset(html, "activity-0"), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        await (await tenant.Admin.GetAsync("api/v1/workflows/editor-test")).ExpectProblemAsync(HttpStatusCode.NotFound);

        // A transition to a step that is not there is shown on its row.
        fields["Activities[1].EscalateAfter"] = "48h";
        fields["Transitions[2].From"] = "approve";
        fields["Transitions[2].Outcome"] = "rejected";
        fields["Transitions[2].To"] = "nowhere";
        var badTransition = await director.SubmitAsync("admin/workflows/new", "admin/workflows/save", fields);
        Assert.Equal(HttpStatusCode.BadRequest, badTransition.StatusCode);
        Assert.Contains("id=\"t2-errors\"", await badTransition.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["Transitions[2].Remove"] = "true";
        var saved = await director.SubmitAsync("admin/workflows/new", "admin/workflows/save", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/admin/workflows/editor-test", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var definition = await (await tenant.Admin.GetAsync("api/v1/workflows/editor-test")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(definition.GetProperty("enabled").GetBoolean());
        var activities = definition.GetProperty("activities");
        Assert.True(activities[0].GetProperty("properties").GetProperty("condition").GetProperty("equals").GetBoolean());
        var approve = activities[1].GetProperty("properties");
        Assert.Equal("48h", approve.GetProperty("escalateAfter").GetString());
        Assert.Equal("""[{"role":"Moderator"},{"role":"CommunicationDirector"},{"groupModerators":true}]""", approve.GetProperty("assignees").GetRawText());
        Assert.Equal(2, definition.GetProperty("transitions").GetArrayLength());

        // The edit form shows the saved values in their fields, and saving it unchanged makes no new version.
        var edit = await director.GetStringAsync("admin/workflows/editor-test/edit");
        Assert.Contains("value=\"Moderator, CommunicationDirector\"", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"48h\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_definition_page_draws_the_diagram_and_lists_the_steps_and_export_then_import_round_trips()
    {
        using var admin = await BrowserAsync("admin");
        var definition = await (await tenant.Admin.GetAsync("api/v1/workflows/approve-group-posts")).ExpectJsonAsync(HttpStatusCode.OK);
        var page = await admin.GetStringAsync("admin/workflows/approve-group-posts");
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
        var activities = definition.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(activities.Count, Regex.Count(page, "<rect class=\"box"));
        Assert.Equal(definition.GetProperty("transitions").GetArrayLength(), Regex.Count(page, "<path class=\"edge\""));
        Assert.Contains(">approved</text>", page, StringComparison.Ordinal);
        Assert.Contains("On approved, go to", page, StringComparison.Ordinal);

        var list = await admin.GetStringAsync("admin/workflows");
        Assert.Contains("admin/workflows/approve-group-posts/disable", list, StringComparison.Ordinal);

        var export = await admin.GetAsync("admin/workflows/approve-group-posts/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var exported = System.Text.Json.Nodes.JsonNode.Parse(await export.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("approve-group-posts", exported["id"]!.GetValue<string>());

        exported["id"] = "imported-copy";
        exported["name"] = "Imported copy";
        exported["enabled"] = false;
        var importPage = await admin.GetStringAsync("admin/workflows");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(Token(importPage, "admin/workflows/import")), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(exported.ToJsonString())), "file", "copy.json" },
        };
        var imported = await admin.PostAsync("admin/workflows/import", upload);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var copy = await (await tenant.Admin.GetAsync("api/v1/workflows/imported-copy")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(definition.GetProperty("activities").GetRawText(), copy.GetProperty("activities").GetRawText());

        // A broken import is shown in the editor, next to the step it names.
        exported["activities"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["id"] = "mystery", ["type"] = "no.such.type" });
        using var broken = new MultipartFormDataContent
        {
            { new StringContent(Token(await admin.GetStringAsync("admin/workflows"), "admin/workflows/import")), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(exported.ToJsonString())), "file", "broken.json" },
        };
        var refused = await admin.PostAsync("admin/workflows/import", broken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var mysteryIndex = exported["activities"]!.AsArray().Count - 1;
        Assert.Contains("no.such.type", Fieldset(await refused.Content.ReadAsStringAsync(), $"activity-{mysteryIndex}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_instances_page_filters_by_status_and_the_instance_page_shows_its_history()
    {
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "Instances: history please");
        var taskId = await TaskIdAsync(tenant.ModeratorA, postId);
        await (await tenant.ModeratorA.PostAsJsonAsync($"api/v1/moderation/tasks/{taskId}/reject", new { reason = "Not now" })).ExpectJsonAsync(HttpStatusCode.OK);
        var instances = await (await tenant.Admin.GetAsync("api/v1/workflows/instances?status=Finished")).ExpectJsonAsync(HttpStatusCode.OK);
        var instance = instances.EnumerateArray().First(i => i.GetProperty("correlationKey").GetString() == $"post:{postId}");
        var instanceId = instance.GetProperty("id").GetString()!;

        using var admin = await BrowserAsync("admin");
        Assert.Contains(instanceId, await admin.GetStringAsync("admin/workflows/instances?status=Finished"), StringComparison.Ordinal);
        Assert.DoesNotContain(instanceId, await admin.GetStringAsync("admin/workflows/instances?status=Faulted"), StringComparison.Ordinal);
        var page = await admin.GetStringAsync($"admin/workflows/instances/{instanceId}");
        Assert.Contains("Not now", page, StringComparison.Ordinal);
        Assert.Contains(">rejected<", page, StringComparison.Ordinal);
        Assert.Contains("moda", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_faulted_instance_shows_its_error_and_the_retry_button_replays_it()
    {
        var definition = new
        {
            id = "fault-on-word",
            name = "Fault on a word",
            start = "submitted",
            activities = new object[]
            {
                new { id = "submitted", type = "feed.postSubmitted", properties = new { condition = new { fact = "post.text", containsAny = new[] { "faultme" } } } },
                new { id = "approve", type = "approval", properties = new { assignees = new[] { new { groupModerators = true } } } },
            },
            transitions = new[] { new { from = "submitted", to = "approve" } },
        };
        await (await tenant.Admin.PostAsJsonAsync("api/v1/workflows", definition)).ExpectJsonAsync(HttpStatusCode.Created);
        // Outside any group there are no group moderators: the approval cannot be assigned and the instance faults.
        await (await tenant.Author.PostAsJsonAsync("api/v1/posts", new { body = "Please faultme now" })).ExpectJsonAsync(HttpStatusCode.Created);

        using var admin = await BrowserAsync("admin");
        var page = await admin.GetStringAsync("admin/workflows/instances?workflow=fault-on-word&status=Faulted");
        Assert.Contains("Nobody to assign the approval", page, StringComparison.Ordinal);
        var instanceId = Regex.Match(page, "admin/workflows/instances/([^\"/]+)/retry").Groups[1].Value;
        Assert.NotEmpty(instanceId);
        var retried = await admin.SubmitAsync("admin/workflows/instances?workflow=fault-on-word&status=Faulted", $"admin/workflows/instances/{instanceId}/retry", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var detail = await admin.GetStringAsync($"admin/workflows/instances/{instanceId}");
        Assert.Contains("Retried: the instance is now Faulted.", detail, StringComparison.Ordinal);
        Assert.Contains("Nobody to assign the approval", detail, StringComparison.Ordinal);

        // The editor's add buttons give a new empty row without saving anything.
        var added = await admin.SubmitAsync("admin/workflows/fault-on-word/edit", "admin/workflows/save", new Dictionary<string, string>
        {
            ["OriginalId"] = "fault-on-word",
            ["Id"] = "fault-on-word",
            ["Name"] = "Renamed but not saved",
            ["Start"] = "submitted",
            ["Activities[0].Id"] = "submitted",
            ["Activities[0].Type"] = "feed.postSubmitted",
            ["command"] = "add-activity",
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var form = await added.Content.ReadAsStringAsync();
        Assert.Contains("id=\"activity-1\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Renamed but not saved\"", form, StringComparison.Ordinal);
        var stored = await (await tenant.Admin.GetAsync("api/v1/workflows/fault-on-word")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Fault on a word", stored.GetProperty("name").GetString());
        await (await tenant.Admin.PostAsync("api/v1/workflows/fault-on-word/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
    }

    private async Task<HttpClient> BrowserAsync(string userName)
    {
        var client = tenant.Host.CreateClient(tenant.Prefix);
        var signedIn = await client.SignInAsync(userName, userName == "admin" ? HostFixture.AdminPassword : Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    private static async Task<long> PostAsync(HttpClient author, long groupId, string body)
    {
        var created = await (await author.PostAsJsonAsync("api/v1/posts", new { body, audience = new { groups = new[] { groupId } } })).ExpectJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    private static async Task<long> TaskIdAsync(HttpClient moderator, long postId)
    {
        var subject = postId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = await (await moderator.GetAsync("api/v1/moderation/tasks")).ExpectJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("subjectId").GetString() == subject).GetProperty("id").GetInt64();
    }

    private static async Task<List<long>> OpenTaskIdsAsync(HttpClient moderator) =>
        [.. (await (await moderator.GetAsync("api/v1/moderation/tasks")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64())];

    /// <summary>The antiforgery token of the form posting to <paramref name="action"/> on a page.</summary>
    private static string Token(string html, string action)
    {
        var match = Regex.Match(html, $"action=\"[^\"]*/{Regex.Escape(action)}\"[^>]*>.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.Singleline);
        Assert.True(match.Success, $"No form posting to {action}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string AnyToken(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

    /// <summary>The markup of the fieldset with this id (up to the next step's).</summary>
    private static string Fieldset(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No element {id} on the page.");
        var end = html.IndexOf("class=\"editor-activity\"", start + 1, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
