using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// A moderator's rejection cites a rule of the editorial charter: the queue offers the rules, a rule that does not exist
/// is refused naming the field, and the author's notification says which rule and links to its anchor.
/// </summary>
public abstract class CharterPagesModerationTests(CharterPagesModerationTests.Tenant tenant)
{
    [SkippableFact]
    public async Task A_rejection_citing_a_rule_tells_the_author_which_rule_and_where_to_read_it()
    {
        tenant.SkipIfUnavailable();
        var postId = await tenant.PostAsync("Gossip about the new director");
        var taskId = await tenant.TaskOfAsync(postId);

        var unknown = await (await tenant.Admin.PostAsJsonAsync($"api/v1/moderation/tasks/{taskId}/reject", new { reason = "Off topic", rule = 99 })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("rule", out _));

        await (await tenant.Admin.PostAsJsonAsync($"api/v1/moderation/tasks/{taskId}/reject", new { reason = "Not for this group.", rule = 1 })).ExpectJsonAsync(HttpStatusCode.OK);
        var notifications = await (await tenant.Author.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK);
        var body = notifications.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("body").GetString() ?? "").Single(b => b.Contains("Not for this group.", StringComparison.Ordinal));
        Assert.Contains("See rule 1, “Stay on topic”", body, StringComparison.Ordinal);
        Assert.Contains($"/{tenant.Prefix}/charter/editorial#rule-1", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_queue_page_offers_the_rules_and_a_rule_alone_is_reason_enough()
    {
        tenant.SkipIfUnavailable();
        var postId = await tenant.PostAsync("Unsourced figures about sales");
        var taskId = await tenant.TaskOfAsync(postId);
        var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);

        var queue = await browser.GetStringAsync("moderation");
        Assert.Contains($"<select id=\"rule-{taskId}\" name=\"rule\"", queue, StringComparison.Ordinal);
        Assert.Contains("Rule 2: Cite your sources", queue, StringComparison.Ordinal);

        var refused = await browser.SubmitAsync("moderation", $"moderation/tasks/{taskId}/decide", new Dictionary<string, string> { ["decision"] = "rejected", ["rule"] = "7", ["reason"] = "Kept text" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"rule-error-{taskId}\"", page, StringComparison.Ordinal);
        Assert.Contains("Kept text", page, StringComparison.Ordinal);

        var rejected = await browser.SubmitAsync("moderation", $"moderation/tasks/{taskId}/decide", new Dictionary<string, string> { ["decision"] = "rejected", ["rule"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var task = await (await tenant.Admin.GetAsync("api/v1/moderation/log?take=50")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(task.GetProperty("items").EnumerateArray(), e => e.GetProperty("reason").GetString()?.StartsWith("See rule 2", StringComparison.Ordinal) == true);
    }

    /// <summary>The <c>moderated</c> recipe (posts in "Official news" wait for a moderator), the charter with its rules in moderation.</summary>
    public abstract class Tenant(DatabaseProvider provider) : TestTenant(provider, "moderated")
    {
        private const string Password = "Ch4rter-Password";

        public HttpClient Author { get; private set; } = null!;

        private long _official;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            if (!IsAvailable)
            {
                return;
            }

            foreach (var feature in new[] { "InternalSocial.Charter", "InternalSocial.Charter.Moderation" })
            {
                await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }

            await (await Admin.PostAsJsonAsync("api/v1/charter/versions", new
            {
                audience = "editorial",
                texts = new { en = CharterPagesTenant.EditorialV1, fr = "## Rester dans le sujet\n\n## Citer ses sources\n" },
                material = true,
            })).ExpectJsonAsync(HttpStatusCode.Created);
            await CreateUserAsync("author", Password, BuiltInRoles.Employee);
            Author = await Host.CreateTokenClientAsync(Prefix, "author", Password);
            var groups = await (await Admin.GetAsync("api/v1/groups?q=Official")).ExpectJsonAsync(HttpStatusCode.OK);
            _official = groups.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "Official news").GetProperty("id").GetInt64();
            await (await Admin.PostAsJsonAsync($"api/v1/groups/{_official}/members", new { userNames = new[] { "author" }, role = "Member" })).ExpectJsonAsync(HttpStatusCode.OK);
            await (await Author.PostAsync($"api/v1/groups/{_official}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        public async Task<long> PostAsync(string body)
        {
            var created = await (await Author.PostAsJsonAsync("api/v1/posts", new { body, audience = new { groups = new[] { _official } } })).ExpectJsonAsync(HttpStatusCode.Created);
            return created.GetProperty("id").GetInt64();
        }

        public async Task<long> TaskOfAsync(long postId)
        {
            var subject = postId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var page = await (await Admin.GetAsync("api/v1/moderation/tasks")).ExpectJsonAsync(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("subjectId").GetString() == subject).GetProperty("id").GetInt64();
        }
    }
}

public sealed class CharterPagesModerationSqliteTenant() : CharterPagesModerationTests.Tenant(DatabaseProvider.Sqlite);

public sealed class CharterPagesModerationPostgresTenant() : CharterPagesModerationTests.Tenant(DatabaseProvider.Postgres);

[Collection(WebCollection.Name)]
public sealed class CharterPagesModerationOnSqlite(CharterPagesModerationSqliteTenant tenant) : CharterPagesModerationTests(tenant), IClassFixture<CharterPagesModerationSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterPagesModerationOnPostgres(CharterPagesModerationPostgresTenant tenant) : CharterPagesModerationTests(tenant), IClassFixture<CharterPagesModerationPostgresTenant>;
