using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>The reaction digest: one <c>feed.reactions</c> notification per post (or comment) per day, updated as people react.</summary>
[Collection(WebCollection.Name)]
public sealed class ReactionDigestTests(FeedNotificationTests.Tenant tenant) : IClassFixture<FeedNotificationTests.Tenant>, IAsyncLifetime
{
    private const string Kind = "feed.reactions";

    public async Task InitializeAsync()
    {
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        tenant.Smtp.Received.Clear();
    }

    public Task DisposeAsync()
    {
        tenant.Host.Clock.Reset();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Three_reactions_on_bobs_post_give_him_one_notification_naming_the_count_updated_not_duplicated()
    {
        var postId = await PostAsync(tenant.Bob, "Our team won the award");
        await ReactAsync(tenant.Alice, postId, "like");
        var first = Assert.Single(await ReactionNotificationsAsync(tenant.Bob, postId));
        Assert.Equal("alice reacted to your post", first.GetProperty("title").GetString());

        await ReactAsync(tenant.Carol, postId, "celebrate");
        await ReactAsync(tenant.Dave, postId, "like");
        // Bob's own reaction, and a change of mind by Alice, are no news.
        await ReactAsync(tenant.Bob, postId, "like");
        await ReactAsync(tenant.Alice, postId, "celebrate");

        var one = Assert.Single(await ReactionNotificationsAsync(tenant.Bob, postId));
        Assert.Equal(first.GetProperty("id").GetInt64(), one.GetProperty("id").GetInt64());
        Assert.Equal("alice and 2 others reacted to your post", one.GetProperty("title").GetString());
        Assert.False(one.GetProperty("isRead").GetBoolean());

        // Read, then one more reaction: the same notification, unread again, with the new count.
        await (await tenant.Bob.PostAsync($"api/v1/notifications/{one.GetProperty("id").GetInt64()}/read", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await ReactAsync(tenant.Admin, postId, "like");
        var updated = Assert.Single(await ReactionNotificationsAsync(tenant.Bob, postId));
        Assert.EndsWith(" and 3 others reacted to your post", updated.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(updated.GetProperty("isRead").GetBoolean());
        Assert.Empty(await ReactionNotificationsAsync(tenant.Alice, postId));

        // Another day, another notification for that day's reactions only.
        tenant.Host.Clock.Advance(TimeSpan.FromDays(1));
        await (await tenant.Carol.DeleteAsync($"api/v1/posts/{postId}/reactions")).ExpectJsonAsync(HttpStatusCode.NoContent);
        await ReactAsync(tenant.Carol, postId, "like");
        var days = await ReactionNotificationsAsync(tenant.Bob, postId);
        Assert.Equal(2, days.Count);
        Assert.Equal("carol reacted to your post", days[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_reaction_on_a_comment_tells_its_author_in_their_language_and_the_digest_carries_the_reactions_and_pending_acknowledgements()
    {
        await (await tenant.Carol.PatchAsJsonAsync("api/v1/users/me", new { preferredLanguage = "fr" })).ExpectJsonAsync(HttpStatusCode.OK);
        var postId = await PostAsync(tenant.Dave, "Lunch ideas?");
        var comment = await (await tenant.Carol.PostAsJsonAsync($"api/v1/posts/{postId}/comments", new { body = "Tacos" })).ExpectJsonAsync(HttpStatusCode.Created);
        var commentId = comment.GetProperty("id").GetInt64();
        await (await tenant.Alice.PostAsJsonAsync($"api/v1/comments/{commentId}/reactions", new { type = "like" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        var carols = Assert.Single(await ReactionNotificationsAsync(tenant.Carol, postId));
        Assert.Equal("alice a réagi à votre commentaire", carols.GetProperty("title").GetString());
        Assert.Equal($"/posts/{postId}#comment-{commentId}", carols.GetProperty("url").GetString());

        // Dave chose the e-mail digest for reactions: his day's reactions arrive in it, once, with their count.
        await (await tenant.Dave.PatchAsJsonAsync("api/v1/users/me", new { timeZoneId = "UTC" })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Dave.PutAsJsonAsync("api/v1/notifications/preferences", new { preferences = new[] { new { kind = Kind, channel = "EmailDigest" } } })).ExpectJsonAsync(HttpStatusCode.OK);
        await ReactAsync(tenant.Alice, postId, "like");
        await ReactAsync(tenant.Bob, postId, "like");
        // Dave follows #kitchen: of the posts since his last digest, the most reacted one of that tag comes first; a post
        // of a tag he does not follow is not listed.
        await (await tenant.Dave.PutAsync("api/v1/feed/follows/tags/kitchen", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        var quiet = await PostAsync(tenant.Carol, "New #kitchen rota");
        var popular = await PostAsync(tenant.Alice, "The #kitchen gets a new coffee machine");
        await ReactAsync(tenant.Bob, popular, "like");
        await ReactAsync(tenant.Carol, popular, "like");
        await PostAsync(tenant.Bob, "Parking works next week #parking");
        // Two announcements to acknowledge; Dave acknowledges one: the digest lists the other.
        var drill = await (await tenant.Admin.PostAsJsonAsync("api/v1/posts", new { body = "Fire drill on Monday", announcement = true, requireAcknowledgement = true })).ExpectJsonAsync(HttpStatusCode.Created);
        var badges = await (await tenant.Admin.PostAsJsonAsync("api/v1/posts", new { body = "Badge renewal", announcement = true, requireAcknowledgement = true })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.True((await tenant.Dave.PostAsync($"api/v1/posts/{badges.GetProperty("id").GetInt64()}/acknowledge", null)).IsSuccessStatusCode);
        var now = tenant.Host.Clock.GetUtcNow().UtcDateTime;
        // The next 08:00 UTC (the default digest hour) at least half an hour away: the digest task runs every 30 minutes.
        var slot = now.Date.AddHours(8);
        while (slot.AddMinutes(5) - now < TimeSpan.FromMinutes(31))
        {
            slot = slot.AddDays(1);
        }

        tenant.Host.Clock.Advance(slot.AddMinutes(5) - now);
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
        await tenant.Runner.RunDueTasksAsync(CancellationToken.None);

        var digest = Assert.Single(tenant.Smtp.Received, m => m.To.Mailboxes.Single().Address.StartsWith("dave@", StringComparison.Ordinal) && (m.Subject ?? "").Contains("digest", StringComparison.Ordinal));
        Assert.Contains("bob and one other reacted to your post", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("alice reacted to your post", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Announcements you still have to acknowledge", digest.TextBody, StringComparison.Ordinal);
        Assert.Matches($@"- Fire drill on Monday\n  \S+/{tenant.Prefix}/posts/{drill.GetProperty("id").GetInt64()}\n", digest.TextBody ?? "");
        Assert.DoesNotContain("Badge renewal", digest.TextBody, StringComparison.Ordinal);
        var text = digest.TextBody ?? "";
        var top = text[text.IndexOf("Top posts in your groups and tags", StringComparison.Ordinal)..];
        Assert.Matches($@"- The #kitchen gets a new coffee machine\n  \S+/{tenant.Prefix}/posts/{popular}\n- New #kitchen rota\n  \S+/posts/{quiet}\n", top);
        Assert.DoesNotContain("#parking", top, StringComparison.Ordinal);
    }

    private static async Task<long> PostAsync(HttpClient author, string body) =>
        (await (await author.PostAsJsonAsync("api/v1/posts", new { body })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    private static async Task ReactAsync(HttpClient person, long postId, string type) =>
        await (await person.PostAsJsonAsync($"api/v1/posts/{postId}/reactions", new { type })).ExpectJsonAsync(HttpStatusCode.NoContent);

    private static async Task<List<JsonElement>> ReactionNotificationsAsync(HttpClient client, long postId) =>
        [.. (await (await client.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == Kind && n.GetProperty("url").GetString()!.StartsWith($"/posts/{postId}", StringComparison.Ordinal))
            .OrderByDescending(n => n.GetProperty("id").GetInt64())];
}
