using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Groups;

/// <summary>Per-group modules (the test assembly's probe module): a module off in a group has no tab and its routes answer 404; tenant locks win (403 for group admins).</summary>
[Collection(WebCollection.Name)]
public sealed class GroupModuleTests(GroupsSqliteTenant tenant) : IClassFixture<GroupsSqliteTenant>
{
    [Fact]
    public async Task A_module_switched_off_in_a_group_has_no_tab_and_its_routes_answer_404()
    {
        var group = await tenant.CreateGroupAsync("owner", new { name = "Module switch", type = "project" });
        var id = group.GetProperty("id").GetInt64();
        var slug = group.GetProperty("slug").GetString();
        using var owner = await tenant.BrowserAsync("owner");

        Assert.Contains("Probe tab", await owner.GetStringAsync($"groups/{slug}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"groups/{slug}/probe")).StatusCode);

        // Group admins switch it off from the settings page (a form with its antiforgery token) …
        var saved = await owner.SubmitAsync($"groups/{slug}/settings", $"groups/{slug}/modules", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("Probe tab", await owner.GetStringAsync($"groups/{slug}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"groups/{slug}/probe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("owner").GetAsync($"groups/{id}/probe")).StatusCode);

        // … and back on through the API.
        await (await tenant.Client("owner").PutAsJsonAsync($"api/v1/groups/{id}/modules/probe", new { enabled = true })).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Client("owner").GetAsync($"groups/{id}/probe")).StatusCode);
        await (await tenant.Client("owner").PutAsJsonAsync($"api/v1/groups/{id}/modules/nonexistent", new { enabled = true })).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_module_locked_by_the_tenant_cannot_be_changed_by_group_admins()
    {
        var project = await tenant.CreateGroupAsync("owner", new { name = "Locked project", type = "project" });
        var community = await tenant.CreateGroupAsync("owner", new { name = "Free community", type = "community" });
        var projectId = project.GetProperty("id").GetInt64();
        var communityId = community.GetProperty("id").GetInt64();

        // Only tenant group administrators lock.
        await (await tenant.Client("owner").PutAsJsonAsync("api/v1/groups/modules/probe/lock", new { scope = "project", enabled = false })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Admin.PutAsJsonAsync("api/v1/groups/modules/probe/lock", new { scope = "galaxy", enabled = false })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.PutAsJsonAsync("api/v1/groups/modules/probe/lock", new { scope = "project", enabled = false })).ExpectJsonAsync(HttpStatusCode.NoContent);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("owner").GetAsync($"groups/{projectId}/probe")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await tenant.Client("owner").GetAsync($"groups/{communityId}/probe")).StatusCode);
            await (await tenant.Client("owner").PutAsJsonAsync($"api/v1/groups/{projectId}/modules/probe", new { enabled = true })).ExpectProblemAsync(HttpStatusCode.Forbidden);
            await (await tenant.Client("owner").PutAsJsonAsync($"api/v1/groups/{communityId}/modules/probe", new { enabled = false })).ExpectJsonAsync(HttpStatusCode.NoContent);
            var modules = await (await tenant.Client("owner").GetAsync($"api/v1/groups/{projectId}/modules")).ExpectJsonAsync(HttpStatusCode.OK);
            var probe = modules.EnumerateArray().Single(m => m.GetProperty("key").GetString() == "probe");
            Assert.True(probe.GetProperty("isLocked").GetBoolean());
            Assert.False(probe.GetProperty("isEnabled").GetBoolean());

            // A lock for all groups locks it on everywhere, over the community's own choice.
            await (await tenant.Admin.PutAsJsonAsync("api/v1/groups/modules/probe/lock", new { scope = "all", enabled = true })).ExpectJsonAsync(HttpStatusCode.NoContent);
            Assert.Equal(HttpStatusCode.OK, (await tenant.Client("owner").GetAsync($"groups/{communityId}/probe")).StatusCode);
            await (await tenant.Client("owner").PutAsJsonAsync($"api/v1/groups/{communityId}/modules/probe", new { enabled = false })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            await (await tenant.Admin.DeleteAsync("api/v1/groups/modules/probe/lock?scope=project")).ExpectJsonAsync(HttpStatusCode.NoContent);
            await (await tenant.Admin.DeleteAsync("api/v1/groups/modules/probe/lock?scope=all")).ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        Assert.Equal(HttpStatusCode.OK, (await tenant.Client("owner").GetAsync($"groups/{projectId}/probe")).StatusCode);
    }

    [Fact]
    public async Task Membership_changes_raise_events_after_they_are_saved()
    {
        var open = (await tenant.CreateGroupAsync("owner", new { name = "Eventful" })).GetProperty("id").GetInt64();
        var closed = (await tenant.CreateGroupAsync("owner", new { name = "Eventful private", visibility = "private" })).GetProperty("id").GetInt64();
        await (await tenant.Client("outsider").PostAsync($"api/v1/groups/{open}/join", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Client("outsider").PostAsync($"api/v1/groups/{open}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Client("outsider").PostAsync($"api/v1/groups/{closed}/join", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await tenant.AddMemberAsync("owner", open, "guest");
        await (await tenant.Client("owner").DeleteAsync($"api/v1/groups/{open}/members/{tenant.IdOf("guest")}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Client("owner").DeleteAsync($"api/v1/groups/{open}")).ExpectJsonAsync(HttpStatusCode.NoContent);

        var seen = Probe.ProbeGroupEvents.Seen.Where(e => e.Tenant == tenant.Name).Select(e => e.Event).ToList();
        var outsider = tenant.IdOf("outsider");
        var guest = tenant.IdOf("guest");
        var owner = tenant.IdOf("owner");
        Assert.Contains(new InternalSocial.Groups.Abstractions.Events.MemberJoined(open, outsider), seen);
        Assert.Contains(new InternalSocial.Groups.Abstractions.Events.MemberLeft(open, outsider), seen);
        Assert.Contains(new InternalSocial.Groups.Abstractions.Events.JoinRequested(closed, outsider), seen);
        Assert.Contains(new InternalSocial.Groups.Abstractions.Events.MemberInvited(open, guest, owner), seen);
        Assert.Contains(new InternalSocial.Groups.Abstractions.Events.MemberJoined(open, guest), seen);
        Assert.Contains(new InternalSocial.Groups.Abstractions.Events.MemberRemoved(open, guest, owner), seen);
        Assert.Contains(new InternalSocial.Groups.Abstractions.Events.GroupArchived(open, owner), seen);
    }

    [Fact]
    public async Task A_module_whose_feature_is_off_in_the_tenant_is_not_offered()
    {
        var group = await tenant.CreateGroupAsync("owner", new { name = "Feature off" });
        var id = group.GetProperty("id").GetInt64();
        await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.Probe.Groups/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        try
        {
            var modules = await (await tenant.Client("owner").GetAsync($"api/v1/groups/{id}/modules")).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.Empty(modules.EnumerateArray());
            Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("owner").GetAsync($"groups/{id}/probe")).StatusCode);
        }
        finally
        {
            await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.Probe.Groups/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }
}
