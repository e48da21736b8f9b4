using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Workflows;

/// <summary>
/// Issue 8 end to end through the API, on a tenant set up with the <c>moderated</c> recipe: posts in an official group
/// wait for its moderators, who approve, reject or send back; escalation after 48 hours; group isolation; one decision.
/// </summary>
public abstract class ModerationWorkflowTests(ModerationWorkflowTests.Tenant tenant)
{
    private const string Password = "M0derated-Password";

    [SkippableFact]
    public async Task A_post_in_an_official_group_waits_for_its_moderator_then_appears_in_the_feed_and_the_author_is_told()
    {
        tenant.SkipIfUnavailable();
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "Quarterly results are out: revenue up 4%");
        var mine = await (await tenant.Author.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Pending", mine.GetProperty("status").GetString());
        await AssertHiddenAsync(tenant.Reader, postId, "Quarterly results");

        // The author's own page marks it as waiting.
        var page = await (await tenant.AuthorBrowserAsync()).GetStringAsync($"posts/{postId}");
        Assert.Contains("Quarterly results", page, StringComparison.Ordinal);
        Assert.Contains("Waiting for approval", page, StringComparison.Ordinal);

        var task = await FindTaskAsync(tenant.ModeratorA, postId);
        Assert.Contains("Quarterly results", task.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("Official news", task.GetProperty("groupName").GetString());
        var decided = await (await tenant.ModeratorA.PostAsync($"api/v1/moderation/tasks/{task.GetProperty("id").GetInt64()}/approve", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Finished", decided.GetProperty("workflowStatus").GetString());

        await (await tenant.Reader.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(postId, Ids(await (await tenant.Reader.GetAsync($"api/v1/groups/{tenant.OfficialId}/feed")).ExpectJsonAsync(HttpStatusCode.OK)));
        Assert.DoesNotContain(await OpenTaskIdsAsync(tenant.ModeratorA), id => id == task.GetProperty("id").GetInt64());
        Assert.Contains(await NotificationTitlesAsync(tenant.Author), t => t.Contains("approved", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task A_rejected_post_never_appears_and_its_author_receives_the_reason()
    {
        tenant.SkipIfUnavailable();
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "Unverified rumour about the merger");
        var taskId = (await FindTaskAsync(tenant.ModeratorA, postId)).GetProperty("id").GetInt64();

        var noReason = await (await tenant.ModeratorA.PostAsJsonAsync($"api/v1/moderation/tasks/{taskId}/reject", new { reason = "  " })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));

        await (await tenant.ModeratorA.PostAsJsonAsync($"api/v1/moderation/tasks/{taskId}/reject", new { reason = "Not confirmed by the board" })).ExpectJsonAsync(HttpStatusCode.OK);
        await AssertHiddenAsync(tenant.Reader, postId, "Unverified rumour");
        var mine = await (await tenant.Author.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Rejected", mine.GetProperty("status").GetString());
        var notifications = await (await tenant.Author.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n =>
            n.GetProperty("title").GetString()!.Contains("rejected", StringComparison.OrdinalIgnoreCase)
            && n.GetProperty("body").GetString()!.Contains("Not confirmed by the board", StringComparison.Ordinal));

        // Decided: a second decision is refused, and the post stays hidden.
        await (await tenant.ModeratorA.PostAsync($"api/v1/moderation/tasks/{taskId}/approve", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await AssertHiddenAsync(tenant.Reader, postId, "Unverified rumour");
    }

    [SkippableFact]
    public async Task A_moderator_of_another_group_can_neither_see_nor_decide_the_task()
    {
        tenant.SkipIfUnavailable();
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "Board meeting minutes, draft");
        var taskId = (await FindTaskAsync(tenant.ModeratorA, postId)).GetProperty("id").GetInt64();

        Assert.DoesNotContain(taskId, await OpenTaskIdsAsync(tenant.ModeratorB));
        var page = await (await tenant.ModeratorB.GetAsync("api/v1/moderation/tasks")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Board meeting", page, StringComparison.Ordinal);
        await (await tenant.ModeratorB.GetAsync($"api/v1/moderation/tasks/{taskId}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.ModeratorB.PostAsync($"api/v1/moderation/tasks/{taskId}/approve", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Reader.PostAsync($"api/v1/moderation/tasks/{taskId}/approve", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await AssertHiddenAsync(tenant.Reader, postId, "Board meeting");

        // Group B's moderator sees the tasks of group B.
        var otherPost = await PostAsync(tenant.Author, tenant.OtherId, "Group B news");
        await FindTaskAsync(tenant.ModeratorB, otherPost);
        Assert.DoesNotContain(await OpenTaskSubjectsAsync(tenant.ModeratorA), s => s == otherPost.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task Two_moderators_approving_at_once_give_one_decision_one_conflict_and_one_publication()
    {
        tenant.SkipIfUnavailable();
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "Canteen opens at 11:30 from Monday");
        var taskId = (await FindTaskAsync(tenant.ModeratorA, postId)).GetProperty("id").GetInt64();

        var responses = await Task.WhenAll(
            tenant.ModeratorA.PostAsync($"api/v1/moderation/tasks/{taskId}/approve", null),
            tenant.ModeratorA2.PostAsync($"api/v1/moderation/tasks/{taskId}/approve", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());

        var log = await (await tenant.Admin.GetAsync("api/v1/moderation/log?take=200")).ExpectJsonAsync(HttpStatusCode.OK);
        var subject = postId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Single(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("subjectId").GetString() == subject && e.GetProperty("action").GetString() == "approved");
        Assert.Single(await NotificationTitlesAsync(tenant.Author, subject), t => t.Contains("approved", StringComparison.OrdinalIgnoreCase));
        await (await tenant.Reader.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task An_item_pending_for_48_hours_is_escalated_to_the_communication_directors()
    {
        tenant.SkipIfUnavailable();
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "New travel policy for 2027");
        var taskId = (await FindTaskAsync(tenant.ModeratorA, postId)).GetProperty("id").GetInt64();
        Assert.DoesNotContain(taskId, await OpenTaskIdsAsync(tenant.Director));

        var runner = tenant.Host.Services.GetRequiredService<BackgroundTaskRunner>();
        try
        {
            tenant.Host.Clock.Advance(TimeSpan.FromHours(47));
            await runner.RunDueTasksAsync(CancellationToken.None);
            Assert.DoesNotContain(taskId, await OpenTaskIdsAsync(tenant.Director));

            tenant.Host.Clock.Advance(TimeSpan.FromHours(2));
            await runner.RunDueTasksAsync(CancellationToken.None);
            Assert.Contains(taskId, await OpenTaskIdsAsync(tenant.Director));
            Assert.DoesNotContain(taskId, await OpenTaskIdsAsync(tenant.ModeratorA));
            Assert.Contains(await NotificationTitlesAsync(tenant.Director), t => t.Contains("escalated", StringComparison.OrdinalIgnoreCase));

            await (await tenant.Director.PostAsync($"api/v1/moderation/tasks/{taskId}/approve", null)).ExpectJsonAsync(HttpStatusCode.OK);
            await (await tenant.Reader.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }
    }

    [SkippableFact]
    public async Task A_post_sent_back_for_changes_is_edited_resubmitted_and_approved()
    {
        tenant.SkipIfUnavailable();
        var postId = await PostAsync(tenant.Author, tenant.OfficialId, "Parking closed tomorow");
        var taskId = (await FindTaskAsync(tenant.ModeratorA, postId)).GetProperty("id").GetInt64();
        await (await tenant.ModeratorA.PostAsJsonAsync($"api/v1/moderation/tasks/{taskId}/request-changes", new { reason = "Please give the date" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ChangesRequested", (await (await tenant.Author.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Contains(await NotificationTitlesAsync(tenant.Author), t => t.Contains("changes", StringComparison.OrdinalIgnoreCase));

        await (await tenant.Author.PatchAsJsonAsync($"api/v1/posts/{postId}", new { body = "Parking closed on 3 December" })).ExpectJsonAsync(HttpStatusCode.OK);
        await AssertHiddenAsync(tenant.Reader, postId, "Parking closed");
        var again = await FindTaskAsync(tenant.ModeratorA, postId);
        Assert.NotEqual(taskId, again.GetProperty("id").GetInt64());
        await (await tenant.ModeratorA.PostAsync($"api/v1/moderation/tasks/{again.GetProperty("id").GetInt64()}/approve", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var published = await (await tenant.Reader.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("3 December", published.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_guest_s_post_and_a_post_with_a_blocked_word_wait_for_a_moderator_while_others_publish_at_once()
    {
        tenant.SkipIfUnavailable();
        var plain = await PostAsync(tenant.Author, null, "Lunch and learn on Friday");
        await (await tenant.Reader.GetAsync($"api/v1/posts/{plain}")).ExpectJsonAsync(HttpStatusCode.OK);

        var blocked = await PostAsync(tenant.Author, null, "Is there a strike planned next week?");
        await AssertHiddenAsync(tenant.Reader, blocked, "strike planned");
        await FindTaskAsync(tenant.SiteModerator, blocked);
    }

    [SkippableFact]
    public async Task Content_reported_by_three_people_is_hidden_and_the_site_moderators_are_told()
    {
        tenant.SkipIfUnavailable();
        var postId = await PostAsync(tenant.Author, null, "Buy cheap watches at my cousin's shop");
        var report = new { contentType = "post", contentId = postId.ToString(System.Globalization.CultureInfo.InvariantCulture), reason = "spam" };
        await (await tenant.Reader.PostAsJsonAsync("api/v1/reports", report)).ExpectJsonAsync(HttpStatusCode.Created);
        await (await tenant.Reader.PostAsJsonAsync("api/v1/reports", report)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.ModeratorA.PostAsJsonAsync("api/v1/reports", report)).ExpectJsonAsync(HttpStatusCode.Created);
        await (await tenant.Reader.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);

        await (await tenant.ModeratorB.PostAsJsonAsync("api/v1/reports", report)).ExpectJsonAsync(HttpStatusCode.Created);
        await AssertHiddenAsync(tenant.Reader, postId, "cheap watches");
        Assert.Contains(await NotificationTitlesAsync(tenant.SiteModerator), t => t.Contains("hidden after 3 reports", StringComparison.OrdinalIgnoreCase));

        var reported = await (await tenant.SiteModerator.GetAsync("api/v1/moderation/reports")).ExpectJsonAsync(HttpStatusCode.OK);
        var entry = Assert.Single(reported.EnumerateArray(), r => r.GetProperty("contentId").GetString() == report.contentId);
        Assert.Equal(3, entry.GetProperty("reports").GetInt32());
        var log = await (await tenant.Admin.GetAsync("api/v1/moderation/log?take=500")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, log.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("subjectId").GetString() == report.contentId && e.GetProperty("action").GetString() == "reported"));
    }

    [SkippableFact]
    public async Task A_bad_report_is_refused_naming_the_field_and_nobody_reports_what_they_cannot_see()
    {
        tenant.SkipIfUnavailable();
        var postId = (await PostAsync(tenant.Author, null, "Team photo from the offsite")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var badReason = await (await tenant.Reader.PostAsJsonAsync("api/v1/reports", new { contentType = "post", contentId = postId, reason = "boring" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("harassment", badReason.GetProperty("errors").GetProperty("reason").ToString(), StringComparison.Ordinal);
        var badType = await (await tenant.Reader.PostAsJsonAsync("api/v1/reports", new { contentType = "poster", contentId = postId, reason = "spam" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badType.GetProperty("errors").TryGetProperty("contentType", out _));
        var own = await (await tenant.Author.PostAsJsonAsync("api/v1/reports", new { contentType = "post", contentId = postId, reason = "spam" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(own.GetProperty("errors").TryGetProperty("contentId", out _));

        var secret = await (await tenant.Admin.PostAsJsonAsync("api/v1/groups", new { name = "Acquisition Falcon", visibility = "Secret" })).ExpectJsonAsync(HttpStatusCode.Created);
        var hiddenPost = await PostAsync(tenant.Admin, secret.GetProperty("id").GetInt64(), "Falcon due diligence notes");
        var refused = await tenant.Reader.PostAsJsonAsync("api/v1/reports", new { contentType = "post", contentId = hiddenPost.ToString(System.Globalization.CultureInfo.InvariantCulture), reason = "spam" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Falcon", body, StringComparison.Ordinal);
    }

    private static async Task<long> PostAsync(HttpClient author, long? groupId, string body)
    {
        object input = groupId is null ? new { body } : new { body, audience = new { groups = new[] { groupId.Value } } };
        var created = await (await author.PostAsJsonAsync("api/v1/posts", input)).ExpectJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    private static async Task AssertHiddenAsync(HttpClient reader, long postId, string marker)
    {
        var byId = await reader.GetAsync($"api/v1/posts/{postId}");
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.DoesNotContain(marker, await byId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(postId, Ids(await (await reader.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK)));
    }

    private static async Task<JsonElement> FindTaskAsync(HttpClient moderator, long postId)
    {
        var subject = postId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = await (await moderator.GetAsync("api/v1/moderation/tasks")).ExpectJsonAsync(HttpStatusCode.OK);
        var found = page.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("subjectType").GetString() == "post" && t.GetProperty("subjectId").GetString() == subject).ToList();
        return Assert.Single(found);
    }

    private static async Task<List<long>> OpenTaskIdsAsync(HttpClient moderator) =>
        [.. (await (await moderator.GetAsync("api/v1/moderation/tasks")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64())];

    private static async Task<List<string>> OpenTaskSubjectsAsync(HttpClient moderator) =>
        [.. (await (await moderator.GetAsync("api/v1/moderation/tasks")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("subjectId").GetString()!)];

    private static async Task<List<string>> NotificationTitlesAsync(HttpClient person, string? postId = null) =>
        [.. (await (await person.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Where(n => postId is null || n.GetProperty("url").GetString()!.EndsWith($"/posts/{postId}", StringComparison.Ordinal))
            .Select(n => n.GetProperty("title").GetString()!)];

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    /// <summary>The <c>moderated</c> recipe, an "Official news" group (posts need approval) and a second such group, with their moderators.</summary>
    public abstract class Tenant(Kernel.Shells.DatabaseProvider provider) : TestTenant(provider, "moderated")
    {

        public HttpClient Author { get; private set; } = null!;

        public HttpClient Reader { get; private set; } = null!;

        public HttpClient ModeratorA { get; private set; } = null!;

        public HttpClient ModeratorA2 { get; private set; } = null!;

        public HttpClient ModeratorB { get; private set; } = null!;

        public HttpClient Director { get; private set; } = null!;

        public HttpClient SiteModerator { get; private set; } = null!;

        public long OfficialId { get; private set; }

        /// <summary>The author signed in with the cookie, for pages.</summary>
        public async Task<HttpClient> AuthorBrowserAsync()
        {
            var browser = Host.CreateClient(Prefix);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("author", Password)).StatusCode);
            return browser;
        }

        public long OtherId { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            if (!IsAvailable)
            {
                return;
            }

            foreach (var name in new[] { "author", "reader", "moda", "moda2", "modb" })
            {
                await CreateUserAsync(name, Password, BuiltInRoles.Employee);
            }

            await CreateUserAsync("director", Password, BuiltInRoles.CommunicationDirector);
            await CreateUserAsync("sitemod", Password, BuiltInRoles.Moderator);
            Author = await Host.CreateTokenClientAsync(Prefix, "author", Password);
            Reader = await Host.CreateTokenClientAsync(Prefix, "reader", Password);
            ModeratorA = await Host.CreateTokenClientAsync(Prefix, "moda", Password);
            ModeratorA2 = await Host.CreateTokenClientAsync(Prefix, "moda2", Password);
            ModeratorB = await Host.CreateTokenClientAsync(Prefix, "modb", Password);
            Director = await Host.CreateTokenClientAsync(Prefix, "director", Password);
            SiteModerator = await Host.CreateTokenClientAsync(Prefix, "sitemod", Password);

            var groups = await (await Admin.GetAsync("api/v1/groups?q=Official")).ExpectJsonAsync(HttpStatusCode.OK);
            OfficialId = groups.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "Official news").GetProperty("id").GetInt64();
            var other = await (await Admin.PostAsJsonAsync("api/v1/groups", new { name = "Works council", visibility = "Public", postsNeedApproval = true })).ExpectJsonAsync(HttpStatusCode.Created);
            OtherId = other.GetProperty("id").GetInt64();
            var clients = new Dictionary<string, HttpClient> { ["moda"] = ModeratorA, ["moda2"] = ModeratorA2, ["modb"] = ModeratorB, ["author"] = Author, ["reader"] = Reader };
            foreach (var (groupId, names, role) in new[]
            {
                (OfficialId, new[] { "moda", "moda2" }, "Moderator"), (OfficialId, new[] { "author", "reader" }, "Member"),
                (OtherId, new[] { "modb" }, "Moderator"), (OtherId, new[] { "author", "reader" }, "Member"),
            })
            {
                // Invited people join when they accept.
                await (await Admin.PostAsJsonAsync($"api/v1/groups/{groupId}/members", new { userNames = names, role })).ExpectJsonAsync(HttpStatusCode.OK);
                foreach (var name in names)
                {
                    await (await clients[name].PostAsync($"api/v1/groups/{groupId}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
                }
            }
        }
    }
}

public sealed class ModerationSqliteTenant() : ModerationWorkflowTests.Tenant(Kernel.Shells.DatabaseProvider.Sqlite);

public sealed class ModerationPostgresTenant() : ModerationWorkflowTests.Tenant(Kernel.Shells.DatabaseProvider.Postgres);

[Collection(WebCollection.Name)]
public sealed class ModerationOnSqlite(ModerationSqliteTenant tenant) : ModerationWorkflowTests(tenant), IClassFixture<ModerationSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class ModerationOnPostgres(ModerationPostgresTenant tenant) : ModerationWorkflowTests(tenant), IClassFixture<ModerationPostgresTenant>;
