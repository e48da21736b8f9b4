using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Services;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>Edits and history, deletion and restore, comments and replies, announcements, relays, files, live count, erasure.</summary>
[Collection(WebCollection.Name)]
public sealed class PostLifecycleTests(FeedSqliteTenant tenant) : IClassFixture<FeedSqliteTenant>
{
    [Fact]
    public async Task Edits_keep_a_history_for_moderators_and_deletion_is_soft_and_reversible_by_them()
    {
        var (_, author) = await tenant.CreateMemberAsync("editor1", BuiltInRoles.Employee);
        var (_, other) = await tenant.CreateMemberAsync("other1", BuiltInRoles.Employee);
        var (_, moderator) = await tenant.CreateMemberAsync("moderator1", BuiltInRoles.Moderator);
        var id = await PostAsync(author, "First version #draft");

        var edited = await (await author.PatchAsJsonAsync($"api/v1/posts/{id}", new { body = "Second version #final" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("Second version", edited.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(["final"], edited.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        await (await other.PatchAsJsonAsync($"api/v1/posts/{id}", new { body = "Hijacked" })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await author.PatchAsJsonAsync($"api/v1/posts/{id}", new { body = "" })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        await (await author.GetAsync($"api/v1/posts/{id}/history")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var history = await (await moderator.GetAsync($"api/v1/posts/{id}/history")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("First version #draft", history[0].GetProperty("body").GetString());

        await (await other.DeleteAsync($"api/v1/posts/{id}")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await author.DeleteAsync($"api/v1/posts/{id}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await other.GetAsync($"api/v1/posts/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await author.GetAsync($"api/v1/posts/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var seenByModerator = await (await moderator.GetAsync($"api/v1/posts/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(seenByModerator.GetProperty("isDeleted").GetBoolean());
        await (await author.PostAsync($"api/v1/posts/{id}/restore", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await moderator.PostAsync($"api/v1/posts/{id}/restore", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await other.GetAsync($"api/v1/posts/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Comments_have_one_level_of_replies_and_their_authors_edit_or_delete_them()
    {
        var (_, writer) = await tenant.CreateMemberAsync("commenter2", BuiltInRoles.Employee);
        var id = await PostAsync(tenant.Admin, "Discuss");
        var comment = (await (await writer.PostAsJsonAsync($"api/v1/posts/{id}/comments", new { body = "A comment" })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var reply = (await (await tenant.Admin.PostAsJsonAsync($"api/v1/posts/{id}/comments", new { body = "A reply", parentId = comment })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var deep = await (await writer.PostAsJsonAsync($"api/v1/posts/{id}/comments", new { body = "Too deep", parentId = reply })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(deep.GetProperty("errors").TryGetProperty("parentId", out _));
        await (await writer.PostAsJsonAsync($"api/v1/posts/{id}/comments", new { body = "" })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        await (await writer.PatchAsJsonAsync($"api/v1/comments/{comment}", new { body = "An edited comment" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await writer.PatchAsJsonAsync($"api/v1/comments/{reply}", new { body = "Not mine" })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await writer.PostAsJsonAsync($"api/v1/comments/{reply}/reactions", new { type = "insightful" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        var post = await (await writer.GetAsync($"api/v1/posts/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        var comments = post.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(2, comments.Count);
        Assert.Contains("An edited comment", comments[0].GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(comment, comments[1].GetProperty("parentId").GetInt64());

        await (await writer.DeleteAsync($"api/v1/comments/{comment}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        post = await (await writer.GetAsync($"api/v1/posts/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, post.GetProperty("commentCount").GetInt32());
        Assert.True(post.GetProperty("comments")[0].GetProperty("isDeleted").GetBoolean());
        Assert.Equal("", post.GetProperty("comments")[0].GetProperty("html").GetString());
    }

    [Fact]
    public async Task Announcements_are_pinned_first_on_the_first_page_acknowledged_and_measured()
    {
        var (_, director) = await tenant.CreateMemberAsync("director1", BuiltInRoles.CommunicationDirector);
        var (_, employee) = await tenant.CreateMemberAsync("employee1", BuiltInRoles.Employee);
        var (_, employee2) = await tenant.CreateMemberAsync("employee2", BuiltInRoles.Employee);
        var until = tenant.Host.Clock.GetUtcNow().UtcDateTime.AddDays(2);
        var announcement = (await (await director.PostAsJsonAsync("api/v1/posts", new { body = "New badge system on Monday", announcement = true, requireAcknowledgement = true, pinUntil = until })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(employee, $"Later post {i}");
        }

        await (await employee.PostAsJsonAsync("api/v1/posts", new { body = "Me too", pinUntil = until })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var first = await (await employee.GetAsync("api/v1/feed?pageSize=2")).ExpectJsonAsync(HttpStatusCode.OK);
        var ids = first.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(announcement, ids[0]);
        Assert.True(first.GetProperty("items")[0].GetProperty("isPinned").GetBoolean());
        Assert.Equal(3, ids.Count);
        var rest = new List<long>();
        var cursor = first.GetProperty("nextCursor").GetString();
        while (cursor is not null)
        {
            var page = await (await employee.GetAsync($"api/v1/feed?pageSize=2&cursor={Uri.EscapeDataString(cursor)}")).ExpectJsonAsync(HttpStatusCode.OK);
            rest.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }

        Assert.DoesNotContain(announcement, rest);
        var announcements = await (await employee.GetAsync("api/v1/feed?filter=announcements")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal([announcement], announcements.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));

        await (await employee.PostAsync($"api/v1/posts/{announcement}/acknowledge", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await employee.PostAsync($"api/v1/posts/{announcement}/acknowledge", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await employee2.GetAsync($"api/v1/posts/{announcement}")).ExpectJsonAsync(HttpStatusCode.OK);
        var mine = await (await employee.GetAsync($"api/v1/posts/{announcement}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(mine.GetProperty("acknowledgedByMe").GetBoolean());

        await (await employee.GetAsync($"api/v1/posts/{announcement}/acknowledgements")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var stats = await (await director.GetAsync($"api/v1/posts/{announcement}/acknowledgements")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("acknowledged").GetInt32());
        // The two employees read it; the director's own reading and acknowledgement are not reach.
        await (await director.GetAsync($"api/v1/posts/{announcement}")).ExpectJsonAsync(HttpStatusCode.OK);
        await (await director.PostAsync($"api/v1/posts/{announcement}/acknowledge", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        stats = await (await director.GetAsync($"api/v1/posts/{announcement}/acknowledgements")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, stats.GetProperty("viewers").GetInt32());
        Assert.Equal(1, stats.GetProperty("acknowledged").GetInt32());
        Assert.Equal(0.5, stats.GetProperty("acknowledgementRate").GetDouble());
        // Its page asks the readers to acknowledge it, not its author.
        Assert.Contains("I have read this", await employee2.GetStringAsync($"posts/{announcement}"), StringComparison.Ordinal);
        var authorsPage = await director.GetStringAsync($"posts/{announcement}");
        Assert.DoesNotContain("I have read this", authorsPage, StringComparison.Ordinal);
        Assert.Contains("You asked readers to acknowledge this announcement.", authorsPage, StringComparison.Ordinal);
        await (await director.PostAsync($"api/v1/posts/{announcement}/remind", null)).ExpectJsonAsync(HttpStatusCode.Accepted);
        await (await employee.PostAsync($"api/v1/posts/{announcement}/remind", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var plain = await PostAsync(employee, "Not an announcement");
        await (await employee.PostAsync($"api/v1/posts/{plain}/acknowledge", null)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await director.PostAsJsonAsync($"api/v1/posts/{announcement}/pin", new { until = (DateTime?)null })).ExpectJsonAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_relay_credits_the_original_and_a_targeted_post_cannot_be_relayed()
    {
        var (authorId, author) = await tenant.CreateMemberAsync("original1", BuiltInRoles.Employee);
        var (_, relayer) = await tenant.CreateMemberAsync("relayer1", BuiltInRoles.CommunicationDirector);
        var original = await PostAsync(author, "Our team shipped the new app!");
        var relay = (await (await relayer.PostAsJsonAsync($"api/v1/posts/{original}/relay", new { comment = "Well done, everyone." })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var post = await (await author.GetAsync($"api/v1/posts/{relay}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(original, post.GetProperty("relayOfPostId").GetInt64());
        Assert.Equal(authorId, post.GetProperty("relayed").GetProperty("author").GetProperty("id").GetString());
        Assert.Contains("shipped", post.GetProperty("relayed").GetProperty("html").GetString(), StringComparison.Ordinal);

        var targeted = await PostAsync(author, "Team only", new { departments = new[] { "Apps" } });
        await (await relayer.PostAsJsonAsync($"api/v1/posts/{targeted}/relay", new { comment = "Look" })).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await author.PostAsJsonAsync($"api/v1/posts/{targeted}/relay", new { comment = "Look" })).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Images_are_re_encoded_and_files_are_served_with_safe_headers_only_to_readers_of_their_post()
    {
        var (_, author) = await tenant.CreateMemberAsync("uploader1", BuiltInRoles.Employee);
        var (_, outsider) = await tenant.CreateMemberAsync("outsider2", BuiltInRoles.Employee);
        using var bitmap = new SKBitmap(3000, 1000);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.CornflowerBlue);
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var image = await (await Upload(author, "chart.png", png.ToArray())).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("image/webp", image.GetProperty("contentType").GetString());
        Assert.Equal(2048, image.GetProperty("width").GetInt32());
        var pdf = await (await Upload(author, "minutes.pdf", "%PDF-1.7\n%minutes\n"u8.ToArray())).ExpectJsonAsync(HttpStatusCode.Created);

        // Before it is attached, only its uploader can fetch it.
        await (await outsider.GetAsync($"api/v1/attachments/{pdf.GetProperty("id").GetInt64()}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var targeted = (await (await author.PostAsJsonAsync("api/v1/posts", new { body = "Minutes", audience = new { departments = new[] { "Board" } }, attachments = new[] { image.GetProperty("id").GetInt64(), pdf.GetProperty("id").GetInt64() } })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var post = await (await author.GetAsync($"api/v1/posts/{targeted}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, post.GetProperty("attachments").GetArrayLength());

        var served = await author.GetAsync($"api/v1/attachments/{pdf.GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/octet-stream", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        var picture = await author.GetAsync($"api/v1/attachments/{image.GetProperty("id").GetInt64()}");
        Assert.Equal("image/webp", picture.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", picture.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        await (await outsider.GetAsync($"api/v1/attachments/{pdf.GetProperty("id").GetInt64()}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"api/v1/attachments/{image.GetProperty("id").GetInt64()}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_live_hub_needs_a_signed_in_user_and_the_new_count_applies_visibility()
    {
        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        var refused = await anonymous.PostAsync("hubs/feed/negotiate?negotiateVersion=1", null);
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{refused.StatusCode}");
        Assert.Contains("signin", refused.Headers.Location?.ToString() ?? "signin", StringComparison.Ordinal);
        var negotiated = await (await tenant.Admin.PostAsync("hubs/feed/negotiate?negotiateVersion=1", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(negotiated.TryGetProperty("connectionToken", out _));

        var (_, reader) = await tenant.CreateMemberAsync("livereader", BuiltInRoles.Employee);
        var since = (await (await reader.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("sinceCursor").GetString()!;
        await PostAsync(tenant.Admin, "For everyone, live");
        await PostAsync(tenant.Admin, "Not for the reader", new { sites = new[] { "Lyon" } });
        var count = await (await reader.GetAsync($"api/v1/feed/new-count?since={Uri.EscapeDataString(since)}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, count.GetProperty("count").GetInt32());
        await (await reader.GetAsync("api/v1/feed/new-count?since=garbage")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Erasing_a_person_anonymizes_their_posts_and_removes_mentions_of_them_and_their_data_is_exported()
    {
        var (leaverId, leaver) = await tenant.CreateMemberAsync("leaver1", BuiltInRoles.Employee);
        var own = await PostAsync(leaver, "My last post");
        await (await leaver.PostAsJsonAsync($"api/v1/posts/{own}/reactions", new { type = "like" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        var mentioning = await PostAsync(tenant.Admin, "Farewell @leaver1, good luck!");
        Assert.Contains("data-user-id=\"" + leaverId + "\"", (await (await tenant.Admin.GetAsync($"api/v1/posts/{mentioning}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("html").GetString(), StringComparison.Ordinal);

        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        var export = await shell.InScopeAsync(services => services.GetServices<IPersonalDataContributor>().Single(c => c.Name == "feed").CollectAsync(leaverId, CancellationToken.None));
        Assert.Contains("My last post", System.Text.Json.JsonSerializer.Serialize(export), StringComparison.Ordinal);
        await shell.InScopeAsync(services => services.GetRequiredService<IEventBus>().PublishAsync(new PersonErased(leaverId, "admin"), CancellationToken.None));

        var post = await (await tenant.Admin.GetAsync($"api/v1/posts/{own}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(post.GetProperty("author").GetProperty("isErased").GetBoolean());
        Assert.Equal("Former member", post.GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal(0, post.GetProperty("reactions").GetArrayLength());
        var html = (await (await tenant.Admin.GetAsync($"api/v1/posts/{mentioning}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("html").GetString()!;
        Assert.DoesNotContain(leaverId, html, StringComparison.Ordinal);
        Assert.DoesNotContain("leaver1", html, StringComparison.Ordinal);
        Assert.Contains("Former member", html, StringComparison.Ordinal);
    }

    private static async Task<long> PostAsync(HttpClient client, string body, object? audience = null)
    {
        var created = await (await client.PostAsJsonAsync("api/v1/posts", new { body, audience })).ExpectJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, string fileName, byte[] content) =>
        client.PostAsync("api/v1/attachments", new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } });
}
