using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Groups;

/// <summary>
/// Inviting asks the person first: a pending invitation they accept or decline (API and pages), that they are told about
/// (feature "Group notifications"), and that shows a secret group's name to them and nothing more.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GroupInvitationTests(GroupInvitationTests.Fixture fixture) : IClassFixture<GroupInvitationTests.Fixture>
{
    private GroupsSqliteTenant Tenant => fixture.Tenant;

    [Fact]
    public async Task An_invitation_to_a_secret_group_shows_its_name_only_until_the_person_accepts()
    {
        var group = await Tenant.CreateGroupAsync("owner", new { name = "Invite Secret Kq7", visibility = "secret", description = "Hidden description Kq7" });
        var id = group.GetProperty("id").GetInt64();
        var outsider = Tenant.Client("outsider");

        var invited = await (await Tenant.Client("owner").PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { "outsider" } })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, invited.GetProperty("invited").GetInt32());
        // Inviting again changes nothing.
        Assert.Equal(0, (await (await Tenant.Client("owner").PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { "outsider" } })).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("invited").GetInt32());

        // Not a member yet: the group itself stays hidden; the invitation shows its name, without the slug or the description.
        await (await outsider.GetAsync($"api/v1/groups/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"api/v1/groups/{id}/members")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var mine = await (await outsider.GetAsync("api/v1/groups/invitations")).ExpectJsonAsync(HttpStatusCode.OK);
        var invitation = Assert.Single(mine.EnumerateArray(), i => i.GetProperty("groupId").GetInt64() == id);
        Assert.Equal("Invite Secret Kq7", invitation.GetProperty("groupName").GetString());
        Assert.Equal(JsonValueKind.Null, invitation.GetProperty("slug").ValueKind);
        Assert.Equal("owner", invitation.GetProperty("invitedBy").GetString());
        Assert.DoesNotContain("Kq7", (await (await outsider.GetAsync("api/v1/groups/invitations")).Content.ReadAsStringAsync()).Replace("Invite Secret Kq7", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var pending = await (await Tenant.Client("owner").GetAsync($"api/v1/groups/{id}/invitations")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["outsider"], pending.EnumerateArray().Select(i => i.GetProperty("userName").GetString()));

        var accepted = await (await outsider.PostAsync($"api/v1/groups/{id}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Member", accepted.GetProperty("myRole").GetString());
        Assert.Equal(2, accepted.GetProperty("memberCount").GetInt32());
        await (await outsider.GetAsync($"api/v1/groups/{id}/members")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain((await (await outsider.GetAsync("api/v1/groups/invitations")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray(), i => i.GetProperty("groupId").GetInt64() == id);
        await (await outsider.PostAsync($"api/v1/groups/{id}/invitations/accept", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await Tenant.Client("owner").GetAsync($"api/v1/groups/{id}/invitations")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await outsider.PostAsync($"api/v1/groups/{id}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_declined_or_withdrawn_invitation_adds_nobody_and_answering_without_one_is_a_404_that_names_no_group()
    {
        var group = await Tenant.CreateGroupAsync("owner", new { name = "Invite Private Wd4", visibility = "private" });
        var id = group.GetProperty("id").GetInt64();
        await (await Tenant.Client("owner").PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { "outsider", "guest" }, role = "admin" })).ExpectJsonAsync(HttpStatusCode.OK);

        await (await Tenant.Client("outsider").PostAsync($"api/v1/groups/{id}/invitations/decline", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await Tenant.Client("outsider").GetAsync($"api/v1/groups/{id}/members")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await Tenant.Client("outsider").PostAsync($"api/v1/groups/{id}/invitations/accept", null)).ExpectProblemAsync(HttpStatusCode.NotFound);

        // The owner withdraws the guest's invitation; a plain member may not.
        await (await Tenant.Client("member").DeleteAsync($"api/v1/groups/{id}/invitations/{Tenant.IdOf("guest")}")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await Tenant.Client("owner").DeleteAsync($"api/v1/groups/{id}/invitations/{Tenant.IdOf("guest")}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await Tenant.Client("owner").DeleteAsync($"api/v1/groups/{id}/invitations/{Tenant.IdOf("guest")}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await Tenant.Client("guest").PostAsync($"api/v1/groups/{id}/invitations/accept", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, (await (await Tenant.Client("owner").GetAsync($"api/v1/groups/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("memberCount").GetInt32());

        // No invitation and no group answer alike.
        var noInvitation = await (await Tenant.Client("member").PostAsync($"api/v1/groups/{id}/invitations/accept", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        var noGroup = await (await Tenant.Client("member").PostAsync("api/v1/groups/987654/invitations/accept", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(noGroup.GetProperty("detail").GetString(), noInvitation.GetProperty("detail").GetString());
        Assert.DoesNotContain("Wd4", noInvitation.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_invited_person_is_notified_and_answers_from_the_invitations_page()
    {
        var group = await Tenant.CreateGroupAsync("owner", new { name = "Invite Page Hx2", visibility = "private" });
        var id = group.GetProperty("id").GetInt64();
        var slug = group.GetProperty("slug").GetString();
        using var ownerPages = await Tenant.BrowserAsync("owner");
        var sent = await ownerPages.SubmitAsync($"groups/{slug}/members", $"groups/{slug}/members/add", new Dictionary<string, string> { ["people"] = "member" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("@member", await ownerPages.GetStringAsync($"groups/{slug}/members"), StringComparison.Ordinal);
        await (await Tenant.Client("member").GetAsync($"api/v1/groups/{id}/members")).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var notification = Assert.Single(await NotificationsAsync(Tenant.Client("member")), n => n.GetProperty("kind").GetString() == "groups.invitation");
        Assert.Contains("Invite Page Hx2", notification.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("/groups/invitations", notification.GetProperty("url").GetString());

        using var memberPages = await Tenant.BrowserAsync("member");
        Assert.Contains("groups/invitations", await memberPages.GetStringAsync("groups"), StringComparison.Ordinal);
        Assert.Contains("Invite Page Hx2", await memberPages.GetStringAsync("groups/invitations"), StringComparison.Ordinal);
        var accepted = await memberPages.SubmitAsync("groups/invitations", $"groups/invitations/{id}/accept", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.EndsWith($"/groups/{slug}", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await (await Tenant.Client("member").GetAsync($"api/v1/groups/{id}/members")).ExpectJsonAsync(HttpStatusCode.OK);
        await (await Tenant.Client("member").PostAsync($"api/v1/groups/{id}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_declined_invitation_to_a_secret_group_leaves_its_name_in_no_notification()
    {
        var group = await Tenant.CreateGroupAsync("owner", new { name = "Invite Vanish Pz5", visibility = "secret" });
        var id = group.GetProperty("id").GetInt64();
        await (await Tenant.Client("owner").PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { "guest" } })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(await NotificationsAsync(Tenant.Client("guest")), n => n.GetProperty("title").GetString()!.Contains("Invite Vanish Pz5", StringComparison.Ordinal));

        await (await Tenant.Client("guest").PostAsync($"api/v1/groups/{id}/invitations/decline", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.DoesNotContain("Pz5", await (await Tenant.Client("guest").GetAsync("api/v1/notifications")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await Tenant.Client("guest").GetAsync($"api/v1/groups/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Asking_to_join_a_group_that_invited_you_accepts_the_invitation_with_its_role()
    {
        var group = await Tenant.CreateGroupAsync("owner", new { name = "Invite Join Jn6", visibility = "private" });
        var id = group.GetProperty("id").GetInt64();
        await (await Tenant.Client("owner").PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { "outsider" }, role = "moderator" })).ExpectJsonAsync(HttpStatusCode.OK);

        var joined = await (await Tenant.Client("outsider").PostAsync($"api/v1/groups/{id}/join", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Joined", joined.GetProperty("state").GetString());
        var members = await (await Tenant.Client("outsider").GetAsync($"api/v1/groups/{id}/members")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(members.GetProperty("members").EnumerateArray(), m => m.GetProperty("userName").GetString() == "outsider" && m.GetProperty("role").GetString() == "Moderator");
        Assert.Empty((await (await Tenant.Client("owner").GetAsync($"api/v1/groups/{id}/invitations")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await (await Tenant.Client("owner").GetAsync($"api/v1/groups/{id}/requests")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await Tenant.Client("outsider").PostAsync($"api/v1/groups/{id}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task People_put_in_a_mandatory_group_are_members_at_once()
    {
        var mandatory = await (await Tenant.Admin.PostAsJsonAsync("api/v1/groups", new { name = "Invite Mandatory Mm1", isMandatory = true })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = mandatory.GetProperty("id").GetInt64();
        var added = await (await Tenant.Admin.PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { "outsider" } })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, added.GetProperty("invited").GetInt32());
        await (await Tenant.Client("outsider").GetAsync($"api/v1/groups/{id}/members")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain((await (await Tenant.Client("outsider").GetAsync("api/v1/groups/invitations")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray(), i => i.GetProperty("groupId").GetInt64() == id);
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    public sealed class Fixture : IAsyncLifetime
    {
        public GroupsSqliteTenant Tenant { get; } = new();

        public async Task InitializeAsync()
        {
            await Tenant.InitializeAsync();
            await (await Tenant.Admin.PostAsync("api/v1/features/InternalSocial.Groups.Notifications/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        public Task DisposeAsync() => Tenant.DisposeAsync();
    }
}
