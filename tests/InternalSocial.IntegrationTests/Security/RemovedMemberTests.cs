using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 9: someone removed from a private group keeps no access through their own old posts there — they
/// are not told of new comments, and open neither the post nor its comments, by the API or the page.
/// </summary>
public abstract class RemovedMemberTests(RemovedMemberTests.Tenant tenant)
{
    [SkippableFact]
    public async Task A_removed_member_is_not_told_of_new_comments_on_their_old_group_post_and_cannot_open_it()
    {
        tenant.SkipIfUnavailable();
        var (owner, former) = (tenant.Client("owner"), tenant.Client("former"));
        var group = await (await owner.PostAsJsonAsync("api/v1/groups", new { name = "Board " + Guid.NewGuid().ToString("N")[..6], visibility = "Private" })).ExpectJsonAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt64();
        await (await owner.PostAsJsonAsync($"api/v1/groups/{groupId}/members", new { userNames = new[] { "former" } })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await former.PostAsync($"api/v1/groups/{groupId}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var post = await (await former.PostAsJsonAsync("api/v1/posts", new { body = "Budget draft", audience = new { groups = new[] { groupId } } })).ExpectJsonAsync(HttpStatusCode.Created);
        var postId = post.GetProperty("id").GetInt64();

        // While a member, a comment is told and the post opens.
        await (await owner.PostAsJsonAsync($"api/v1/posts/{postId}/comments", new { body = "Looks right" })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Single(await CommentNotificationsAsync(former, postId));

        await (await owner.DeleteAsync($"api/v1/groups/{groupId}/members/{tenant.IdOf("former")}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        var comment = await (await owner.PostAsJsonAsync($"api/v1/posts/{postId}/comments", new { body = "Confidential figures: 4.2 M" })).ExpectJsonAsync(HttpStatusCode.Created);
        var commentId = comment.GetProperty("id").GetInt64();

        // No new notification, and the earlier one is gone from the list too.
        Assert.Empty(await CommentNotificationsAsync(former, postId));
        var refused = await (await former.GetAsync($"api/v1/posts/{postId}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("4.2 M", refused.GetRawText(), StringComparison.Ordinal);
        await (await former.GetAsync($"api/v1/comments/{commentId}/reactions")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var page = await (await tenant.BrowserAsync("former")).GetAsync($"posts/{postId}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("4.2 M", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Nothing changed for the group: its members still read the post and both comments.
        var kept = await (await owner.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("4.2 M", kept.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> CommentNotificationsAsync(HttpClient client, long postId)
    {
        var list = await (await client.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK);
        return [.. list.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("url").GetString()!.StartsWith($"/posts/{postId}#comment-", StringComparison.Ordinal))];
    }

    /// <summary>The default recipe (feed, groups, notifications) and two employees: a group's owner and a member who will be removed.</summary>
    public abstract class Tenant(DatabaseProvider provider) : TestTenant(provider, "default")
    {
        public const string Password = "R3moved-Password";

        private readonly Dictionary<string, HttpClient> _clients = [];
        private readonly Dictionary<string, string> _ids = [];

        public HttpClient Client(string userName) => _clients[userName];

        public string IdOf(string userName) => _ids[userName];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            if (!IsAvailable)
            {
                return;
            }

            foreach (var name in new[] { "owner", "former" })
            {
                await CreateUserAsync(name, Password, BuiltInRoles.Employee);
                _clients[name] = await Host.CreateTokenClientAsync(Prefix, name, Password);
                _ids[name] = (await (await _clients[name].GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString()!;
            }
        }

        public async Task<HttpClient> BrowserAsync(string userName)
        {
            var client = Host.CreateClient(Prefix);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName, Password)).StatusCode);
            return client;
        }
    }

    public sealed class SqliteTenant() : Tenant(DatabaseProvider.Sqlite);

    public sealed class PostgresTenant() : Tenant(DatabaseProvider.Postgres);
}

[Collection(WebCollection.Name)]
public sealed class RemovedMemberTestsOnSqlite(RemovedMemberTests.SqliteTenant tenant) : RemovedMemberTests(tenant), IClassFixture<RemovedMemberTests.SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class RemovedMemberTestsOnPostgres(RemovedMemberTests.PostgresTenant tenant) : RemovedMemberTests(tenant), IClassFixture<RemovedMemberTests.PostgresTenant>;
