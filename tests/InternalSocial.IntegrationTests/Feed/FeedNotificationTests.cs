using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>Mentions and comments notify people, in the site and by mail in their language, only about posts they may see.</summary>
[Collection(WebCollection.Name)]
public sealed class FeedNotificationTests(FeedNotificationTests.Tenant tenant) : IClassFixture<FeedNotificationTests.Tenant>, IAsyncLifetime
{
    private const string Password = "F33d-Notify-Password";

    public async Task InitializeAsync()
    {
        // Mails queued by an earlier test leave now, so each test counts only its own.
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        tenant.Smtp.Received.Clear();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_mention_sends_one_mail_to_the_person_in_their_language_with_the_link()
    {
        await (await tenant.Bob.PatchAsJsonAsync("api/v1/users/me", new { preferredLanguage = "fr" })).ExpectJsonAsync(HttpStatusCode.OK);
        var post = await (await tenant.Alice.PostAsJsonAsync("api/v1/posts", new { body = "Thanks @bob for the demo!" })).ExpectJsonAsync(HttpStatusCode.Created);
        var postId = post.GetProperty("id").GetInt64();
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);

        var mail = Assert.Single(tenant.Smtp.Received);
        Assert.Equal($"bob@{tenant.Name}.test", mail.To.Mailboxes.Single().Address);
        Assert.Contains("alice vous a mentionné", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/{tenant.Prefix}/posts/{postId}", mail.TextBody ?? "", StringComparison.Ordinal);
        var bobs = await Notifications(tenant.Bob);
        Assert.Contains(bobs, n => n.GetProperty("url").GetString() == $"/posts/{postId}");
    }

    [Fact]
    public async Task Nobody_is_told_about_a_private_group_post_they_cannot_see_even_after_leaving_the_group()
    {
        var group = await (await tenant.Alice.PostAsJsonAsync("api/v1/groups", new { name = "Skunkworks", visibility = "Private" })).ExpectJsonAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt64();
        await (await tenant.Alice.PostAsJsonAsync($"api/v1/groups/{groupId}/members", new { userNames = new[] { "carol" } })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Carol.PostAsync($"api/v1/groups/{groupId}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);

        // Dave is not a member: mentioned, he learns nothing.
        await (await tenant.Alice.PostAsJsonAsync("api/v1/posts", new { body = "Secret plan, @dave and @carol", audience = new { groups = new[] { groupId } } })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.DoesNotContain(await Notifications(tenant.Dave), n => n.GetProperty("title").GetString()!.Contains("alice", StringComparison.Ordinal));
        Assert.Contains(await Notifications(tenant.Carol), n => n.GetProperty("title").GetString()!.Contains("alice", StringComparison.Ordinal));

        // Carol is removed from the group: a later mention there does not reach her, and the earlier one disappears from her list.
        var carolId = (await (await tenant.Carol.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString();
        await (await tenant.Alice.DeleteAsync($"api/v1/groups/{groupId}/members/{carolId}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Alice.PostAsJsonAsync("api/v1/posts", new { body = "Next step, @carol", audience = new { groups = new[] { groupId } } })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.DoesNotContain(await Notifications(tenant.Carol), n => n.GetProperty("title").GetString()!.Contains("alice", StringComparison.Ordinal));

        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        Assert.DoesNotContain(tenant.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address.StartsWith("dave@", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_announcement_to_several_groups_tells_a_member_of_two_of_them_once_and_mails_a_mentioned_person_once()
    {
        var groupIds = new List<long>();
        foreach (var name in new[] { "Lyon site", "Logistics" })
        {
            var group = await (await tenant.Admin.PostAsJsonAsync("api/v1/groups", new { name, visibility = "Private" })).ExpectJsonAsync(HttpStatusCode.Created);
            groupIds.Add(group.GetProperty("id").GetInt64());
            await (await tenant.Admin.PostAsJsonAsync($"api/v1/groups/{groupIds[^1]}/members", new { userNames = new[] { "bob", "dave" } })).ExpectJsonAsync(HttpStatusCode.OK);
            foreach (var member in new[] { tenant.Bob, tenant.Dave })
            {
                await (await member.PostAsync($"api/v1/groups/{groupIds[^1]}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }
        }

        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        tenant.Smtp.Received.Clear();
        var created = await (await tenant.Admin.PostAsJsonAsync("api/v1/posts", new { body = "The warehouse moves on Monday, @dave leads it", announcement = true, audience = new { groups = groupIds } })).ExpectJsonAsync(HttpStatusCode.Created);
        var urls = created.GetProperty("ids").EnumerateArray().Select(i => $"/posts/{i.GetInt64()}").ToList();
        Assert.Equal(2, urls.Count);
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);

        var told = Assert.Single(await Notifications(tenant.Bob), n => n.GetProperty("kind").GetString() == "feed.announcement" && urls.Contains(n.GetProperty("url").GetString()!));
        Assert.Single(await Notifications(tenant.Dave), n => n.GetProperty("kind").GetString() == "feed.mention" && urls.Contains(n.GetProperty("url").GetString()!));
        Assert.Single(tenant.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address.StartsWith("dave@", StringComparison.Ordinal)));

        // Bob leaves the group of the copy he was told about: the notification stays, and opens the other group's copy.
        var toldUrl = told.GetProperty("url").GetString()!;
        var otherUrl = urls.Single(u => u != toldUrl);
        var toldPost = await (await tenant.Bob.GetAsync($"api/v1{toldUrl}")).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Bob.PostAsync($"api/v1/groups/{toldPost.GetProperty("groupId").GetInt64()}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Single(await Notifications(tenant.Bob), n => n.GetProperty("url").GetString() == toldUrl);
        using var bobsBrowser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await bobsBrowser.SignInAsync("bob", Password)).StatusCode);
        var opened = await bobsBrowser.GetAsync(toldUrl.TrimStart('/'));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.EndsWith(otherUrl, opened.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Carol is in neither group: neither copy opens, nor leads her to the other.
        using var carolsBrowser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await carolsBrowser.SignInAsync("carol", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carolsBrowser.GetAsync(toldUrl.TrimStart('/'))).StatusCode);
    }

    [Fact]
    public async Task A_comment_tells_the_post_author_but_not_the_commenter()
    {
        var post = await (await tenant.Carol.PostAsJsonAsync("api/v1/posts", new { body = "Who wants coffee?" })).ExpectJsonAsync(HttpStatusCode.Created);
        var postId = post.GetProperty("id").GetInt64();
        await (await tenant.Dave.PostAsJsonAsync($"api/v1/posts/{postId}/comments", new { body = "Me!" })).ExpectJsonAsync(HttpStatusCode.Created);
        await (await tenant.Carol.PostAsJsonAsync($"api/v1/posts/{postId}/comments", new { body = "Coming" })).ExpectJsonAsync(HttpStatusCode.Created);

        var carols = await Notifications(tenant.Carol);
        Assert.Single(carols, n => n.GetProperty("kind").GetString() == "feed.comment" && n.GetProperty("url").GetString()!.StartsWith($"/posts/{postId}#", StringComparison.Ordinal));
        Assert.DoesNotContain(await Notifications(tenant.Dave), n => n.GetProperty("kind").GetString() == "feed.comment" && n.GetProperty("url").GetString()!.StartsWith($"/posts/{postId}#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_persons_data_export_carries_their_posts_and_comments_beside_their_profile()
    {
        var post = await (await tenant.Dave.PostAsJsonAsync("api/v1/posts", new { body = "Dave export marker post" })).ExpectJsonAsync(HttpStatusCode.Created);
        await (await tenant.Dave.PostAsJsonAsync($"api/v1/posts/{post.GetProperty("id").GetInt64()}/comments", new { body = "Dave export marker comment" })).ExpectJsonAsync(HttpStatusCode.Created);

        var response = await tenant.Dave.GetAsync("api/v1/users/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "profile.json");
        var feed = zip.Entries.Single(e => e.FullName == "feed.json");
        using var reader = new StreamReader(feed.Open());
        var text = await reader.ReadToEndAsync();
        Assert.Contains("Dave export marker post", text, StringComparison.Ordinal);
        Assert.Contains("Dave export marker comment", text, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> Notifications(HttpClient client) =>
        [.. (await (await client.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    /// <summary>The default recipe (feed, groups, notifications, e-mail), four employees and an SMTP server.</summary>
    public sealed class Tenant : TestTenant, IAsyncLifetime
    {
        public Tenant()
            : base(Kernel.Shells.DatabaseProvider.Sqlite, "default")
        {
        }

        public SmtpSink Smtp { get; } = new();

        public HttpClient Alice { get; private set; } = null!;

        public HttpClient Bob { get; private set; } = null!;

        public HttpClient Carol { get; private set; } = null!;

        public HttpClient Dave { get; private set; } = null!;

        public BackgroundTaskRunner Runner => Host.Services.GetRequiredService<BackgroundTaskRunner>();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Smtp.Start();
            await (await Admin.PutAsJsonAsync("api/v1/email/settings", new { host = "127.0.0.1", port = Smtp.Port, security = "None", fromAddress = "news@org.test" })).ExpectJsonAsync(HttpStatusCode.OK);
            foreach (var name in new[] { "alice", "bob", "carol", "dave" })
            {
                await CreateUserAsync(name, Password, BuiltInRoles.Employee);
            }

            Alice = await Host.CreateTokenClientAsync(Prefix, "alice", Password);
            Bob = await Host.CreateTokenClientAsync(Prefix, "bob", Password);
            Carol = await Host.CreateTokenClientAsync(Prefix, "carol", Password);
            Dave = await Host.CreateTokenClientAsync(Prefix, "dave", Password);
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await Smtp.DisposeAsync();
            await DisposeAsync();
        }
    }
}
