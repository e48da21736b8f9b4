using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 5: an edit of a published post goes through the review a new post would. Readers keep the approved
/// version while the edit waits; the moderator sees the edit (the current text, in one task); approving applies it,
/// rejecting discards it.
/// </summary>
public abstract class EditReviewTests(RequestsTenant tenant)
{
    [SkippableFact]
    public async Task A_post_approved_in_a_group_then_edited_shows_readers_the_approved_text_until_the_edit_is_approved()
    {
        tenant.SkipIfUnavailable();
        var groupId = await GroupNeedingApprovalAsync();
        var created = await (await tenant.Author.PostAsJsonAsync("api/v1/posts", new { body = "Team lunch on Friday at noon", audience = new { groups = new[] { groupId } } })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Pending", created.GetProperty("status").GetString());
        var postId = created.GetProperty("id").GetInt64();
        await (await tenant.Admin.PostAsync($"api/v1/moderation/tasks/{(await TaskAsync(tenant.Admin, postId)).GetProperty("id").GetInt64()}/approve", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("Team lunch on Friday", await HtmlAsync(postId), StringComparison.Ordinal);

        var edited = await (await tenant.Author.PatchAsJsonAsync($"api/v1/posts/{postId}", new { body = "The works council is dissolved, effective today" })).ExpectJsonAsync(HttpStatusCode.Accepted);
        Assert.Contains("Team lunch on Friday", edited.GetProperty("html").GetString(), StringComparison.Ordinal);
        await AssertReadersSeeAsync(postId, "Team lunch on Friday", "dissolved");
        var task = await TaskAsync(tenant.Admin, postId);
        Assert.Contains("dissolved", task.GetProperty("summary").GetString(), StringComparison.Ordinal);

        // Edited again while it waits: the same task, with the text the moderator now decides on.
        await (await tenant.Author.PatchAsJsonAsync($"api/v1/posts/{postId}", new { body = "The works council is dissolved, effective Monday" })).ExpectJsonAsync(HttpStatusCode.Accepted);
        var again = await TaskAsync(tenant.Admin, postId);
        Assert.Equal(task.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Contains("effective Monday", again.GetProperty("summary").GetString(), StringComparison.Ordinal);
        await AssertReadersSeeAsync(postId, "Team lunch on Friday", "dissolved");

        await (await tenant.Admin.PostAsync($"api/v1/moderation/tasks/{again.GetProperty("id").GetInt64()}/approve", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await AssertReadersSeeAsync(postId, "effective Monday", "Team lunch");
    }

    [SkippableFact]
    public async Task An_edit_with_a_blocked_word_waits_and_when_rejected_the_published_text_stays()
    {
        tenant.SkipIfUnavailable();
        var created = await (await tenant.Author.PostAsJsonAsync("api/v1/posts", new { body = "Canteen menu for next week" })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Published", created.GetProperty("status").GetString());
        var postId = created.GetProperty("id").GetInt64();

        await (await tenant.Author.PatchAsJsonAsync($"api/v1/posts/{postId}", new { body = "Is there a strike planned next week?" })).ExpectJsonAsync(HttpStatusCode.Accepted);
        await AssertReadersSeeAsync(postId, "Canteen menu", "strike");
        var task = await TaskAsync(tenant.SiteModerator, postId);
        Assert.Contains("strike planned", task.GetProperty("summary").GetString(), StringComparison.Ordinal);

        await (await tenant.SiteModerator.PostAsJsonAsync($"api/v1/moderation/tasks/{task.GetProperty("id").GetInt64()}/reject", new { reason = "Not for the feed" })).ExpectJsonAsync(HttpStatusCode.OK);
        await AssertReadersSeeAsync(postId, "Canteen menu", "strike");

        // The rejected edit is gone: a harmless edit is published at once, as a harmless post would be.
        await (await tenant.Author.PatchAsJsonAsync($"api/v1/posts/{postId}", new { body = "Canteen menu for next week, with a vegetarian dish" })).ExpectJsonAsync(HttpStatusCode.OK);
        await AssertReadersSeeAsync(postId, "vegetarian dish", "strike");
    }

    private async Task AssertReadersSeeAsync(long postId, string shown, string hidden)
    {
        var html = await HtmlAsync(postId);
        Assert.Contains(shown, html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        var feed = await (await tenant.Reader.GetAsync("api/v1/feed")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(hidden, feed, StringComparison.Ordinal);
    }

    private async Task<string> HtmlAsync(long postId) =>
        (await (await tenant.Reader.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("html").GetString()!;

    private static async Task<JsonElement> TaskAsync(HttpClient moderator, long postId)
    {
        var page = await (await moderator.GetAsync("api/v1/moderation/tasks")).ExpectJsonAsync(HttpStatusCode.OK);
        var subject = postId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Assert.Single(page.GetProperty("items").EnumerateArray(), t => t.GetProperty("subjectType").GetString() == "post" && t.GetProperty("subjectId").GetString() == subject);
    }

    /// <summary>A public group whose posts need approval, owned by the administrator, with the author and the reader in it.</summary>
    private async Task<long> GroupNeedingApprovalAsync()
    {
        var group = await (await tenant.Admin.PostAsJsonAsync("api/v1/groups", new { name = "Council " + Guid.NewGuid().ToString("N")[..6], visibility = "Public", postsNeedApproval = true })).ExpectJsonAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt64();
        await (await tenant.Admin.PostAsJsonAsync($"api/v1/groups/{groupId}/members", new { userNames = new[] { "author", "reader" }, role = "Member" })).ExpectJsonAsync(HttpStatusCode.OK);
        foreach (var person in new[] { tenant.Author, tenant.Reader })
        {
            await (await person.PostAsync($"api/v1/groups/{groupId}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        return groupId;
    }
}

[Collection(WebCollection.Name)]
public sealed class EditReviewOnSqlite(RequestsSqliteTenant tenant) : EditReviewTests(tenant), IClassFixture<RequestsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class EditReviewOnPostgres(RequestsPostgresTenant tenant) : EditReviewTests(tenant), IClassFixture<RequestsPostgresTenant>;
