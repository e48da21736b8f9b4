using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A new poll in a group is told to the group's members, never to its author nor to anyone outside the group; a vote
/// is never told to anyone.
/// </summary>
public abstract class PollGroupNotificationTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task A_new_poll_in_a_group_is_told_to_its_members_only()
    {
        tenant.SkipIfUnavailable();
        foreach (var feature in new[] { "InternalSocial.Notifications", "InternalSocial.Polls.Notifications" })
        {
            await (await tenant.Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        var groupId = (await tenant.CreateGroupAsync("owner", new { name = "Told " + Guid.NewGuid().ToString("N")[..6], visibility = "private" })).GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", groupId, "member");
        await tenant.AddMemberAsync("owner", groupId, "guest");
        var title = "Team lunch " + Guid.NewGuid().ToString("N")[..6];
        var pollId = await tenant.CreatePollAsync("owner", new { question = title, options = new[] { "Thai", "Pizza" }, groupId });

        foreach (var reader in new[] { "member", "guest" })
        {
            var notification = Assert.Single(await NotificationsAsync(reader), n => n.GetProperty("kind").GetString() == "polls.new");
            Assert.Equal($"New poll in your group: {title}", notification.GetProperty("title").GetString());
            Assert.EndsWith($"/polls/{pollId}", notification.GetProperty("url").GetString(), StringComparison.Ordinal);
        }

        foreach (var other in new[] { "owner", "outsider" })
        {
            Assert.DoesNotContain(await NotificationsAsync(other), n => n.GetProperty("kind").GetString() == "polls.new");
        }

        // A vote tells nobody.
        var option = (await tenant.PollAsync("member", pollId)).GetProperty("options")[0].GetProperty("id").GetInt64();
        var before = (await NotificationsAsync("owner")).Count;
        (await tenant.Client("member").PostAsJsonAsync($"api/v1/polls/{pollId}/votes", new { choices = new[] { option } })).EnsureSuccessStatusCode();
        Assert.Equal(before, (await NotificationsAsync("owner")).Count);
    }

    private async Task<List<JsonElement>> NotificationsAsync(string userName) =>
        [.. (await (await tenant.Client(userName).GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
}

[Collection(WebCollection.Name)]
public sealed class PollGroupNotificationSqliteTests(PollsBridgeSqliteTenant tenant) : PollGroupNotificationTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollGroupNotificationPostgresTests(PollsBridgePostgresTenant tenant) : PollGroupNotificationTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
