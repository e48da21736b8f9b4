using System.Net;
using System.Net.Http.Json;
using System.Text;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using SkiaSharp;

namespace InternalSocial.IntegrationTests.Groups;

/// <summary>Groups and membership through the API: bad input, conflicts, join requests, leaving, mandatory groups, covers.</summary>
public abstract class GroupApiTests(GroupsTenant tenant)
{
    [SkippableFact]
    public async Task Names_are_unique_case_insensitively_and_bad_fields_are_named()
    {
        tenant.SkipIfUnavailable();
        var created = await tenant.CreateGroupAsync("owner", new { name = "Apollo Programme", description = "To the moon.", type = "project", visibility = "private" });
        Assert.Equal("apollo-programme", created.GetProperty("slug").GetString());
        Assert.Equal("Owner", created.GetProperty("myRole").GetString());

        var duplicate = await (await tenant.Client("member").PostAsJsonAsync("api/v1/groups", new { name = "apollo PROGRAMME" })).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("name:", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var invalid = await (await tenant.Client("member").PostAsJsonAsync("api/v1/groups", new { name = " ", description = new string('x', 2001) })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("description", out _));

        // Renaming onto another group's name conflicts too; the owner renames, a plain member cannot.
        var other = await tenant.CreateGroupAsync("owner", new { name = "Gemini" });
        var otherId = other.GetProperty("id").GetInt64();
        await (await tenant.Client("owner").PatchAsJsonAsync($"api/v1/groups/{otherId}", new { name = "APOLLO programme" })).ExpectProblemAsync(HttpStatusCode.Conflict);
        var renamed = await (await tenant.Client("owner").PatchAsJsonAsync($"api/v1/groups/{otherId}", new { name = "Gemini II", postingPolicy = "adminsOnly" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("AdminsOnly", renamed.GetProperty("postingPolicy").GetString());
        await (await tenant.Client("outsider").PatchAsJsonAsync($"api/v1/groups/{otherId}", new { name = "Hijacked" })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        // Only tenant group administrators make a group mandatory.
        await (await tenant.Client("owner").PatchAsJsonAsync($"api/v1/groups/{otherId}", new { isMandatory = true })).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task Inviting_an_unknown_person_answers_404_naming_them_and_adds_nobody()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Invitations", visibility = "secret" });
        var id = group.GetProperty("id").GetInt64();
        var problem = await (await tenant.Client("owner").PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { "member", "nobody-here", "ghost@nowhere.test" } })).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("nobody-here", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("ghost@nowhere.test", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await (await tenant.Client("owner").GetAsync($"api/v1/groups/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("memberCount").GetInt32());

        // By e-mail and user name, guests included; a plain member may not invite.
        var invited = await (await tenant.Client("owner").PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { $"member@{tenant.Name}.test", "guest" } })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, invited.GetProperty("invited").GetInt32());
        await (await tenant.Client("guest").PostAsync($"api/v1/groups/{id}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Client("member").PostAsync($"api/v1/groups/{id}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Client("member").PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { "outsider" } })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Client("guest").GetAsync($"api/v1/groups/{id}/members")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Join_requests_flow_through_approval_and_a_member_who_leaves_loses_access_at_once()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Private circle", visibility = "private" });
        var id = group.GetProperty("id").GetInt64();
        var outsider = tenant.Client("outsider");

        await (await outsider.GetAsync($"api/v1/groups/{id}/members")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var join = await (await outsider.PostAsync($"api/v1/groups/{id}/join", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Requested", join.GetProperty("state").GetString());
        await (await outsider.GetAsync($"api/v1/groups/{id}/members")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.GetAsync($"api/v1/groups/{id}/requests")).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var requests = await (await tenant.Client("owner").GetAsync($"api/v1/groups/{id}/requests")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["outsider"], requests.EnumerateArray().Select(r => r.GetProperty("userName").GetString()));
        await (await tenant.Client("owner").PostAsync($"api/v1/groups/{id}/requests/{tenant.IdOf("outsider")}/approve", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await outsider.GetAsync($"api/v1/groups/{id}/members")).ExpectJsonAsync(HttpStatusCode.OK);
        var picker = await (await outsider.GetAsync("api/v1/groups/picker?q=private")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(picker.EnumerateArray(), g => g.GetProperty("id").GetInt64() == id);

        await (await outsider.PostAsync($"api/v1/groups/{id}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await outsider.GetAsync($"api/v1/groups/{id}/members")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        picker = await (await outsider.GetAsync("api/v1/groups/picker?q=private")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(picker.EnumerateArray(), g => g.GetProperty("id").GetInt64() == id);

        // A rejected request leaves the person outside.
        await (await outsider.PostAsync($"api/v1/groups/{id}/join", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Client("owner").PostAsync($"api/v1/groups/{id}/requests/{tenant.IdOf("outsider")}/reject", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await outsider.GetAsync($"api/v1/groups/{id}/members")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Client("owner").PostAsync($"api/v1/groups/{id}/requests/{tenant.IdOf("outsider")}/approve", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_mandatory_group_refuses_leave_with_a_clear_message_and_the_last_owner_cannot_leave()
    {
        tenant.SkipIfUnavailable();
        var mandatory = await (await tenant.Admin.PostAsJsonAsync("api/v1/groups", new { name = "Everyone at Lyon", isMandatory = true })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = mandatory.GetProperty("id").GetInt64();
        await (await tenant.Admin.PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = new[] { "member" } })).ExpectJsonAsync(HttpStatusCode.OK);
        var refused = await (await tenant.Client("member").PostAsync($"api/v1/groups/{id}/leave", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("mandatory", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await tenant.Client("member").GetAsync($"api/v1/groups/{id}/members")).ExpectJsonAsync(HttpStatusCode.OK);

        var owned = await tenant.CreateGroupAsync("owner", new { name = "Owned once" });
        var ownedId = owned.GetProperty("id").GetInt64();
        var lastOwner = await (await tenant.Client("owner").PostAsync($"api/v1/groups/{ownedId}/leave", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("owner", lastOwner.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await tenant.AddMemberAsync("owner", ownedId, "groupadmin", "owner");
        await (await tenant.Client("owner").PostAsync($"api/v1/groups/{ownedId}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
    }

    [SkippableFact]
    public async Task Archived_groups_stay_readable_refuse_joins_and_are_restored_by_their_owner()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Old project", type = "project" });
        var id = group.GetProperty("id").GetInt64();
        await (await tenant.Client("member").DeleteAsync($"api/v1/groups/{id}")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Client("owner").DeleteAsync($"api/v1/groups/{id}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.True((await (await tenant.Client("outsider").GetAsync($"api/v1/groups/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("isArchived").GetBoolean());
        await (await tenant.Client("outsider").PostAsync($"api/v1/groups/{id}/join", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        var archived = await (await tenant.Client("owner").GetAsync("api/v1/groups?archived=true&q=old")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Single(archived.GetProperty("groups").EnumerateArray());
        await (await tenant.Client("owner").PostAsync($"api/v1/groups/{id}/restore", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Client("outsider").PostAsync($"api/v1/groups/{id}/join", null)).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Covers_are_images_of_at_most_5_MB_reencoded_and_served_only_to_who_sees_the_group()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Covered", visibility = "secret" });
        var id = group.GetProperty("id").GetInt64();

        var oversized = await (await tenant.Client("owner").PutAsync($"api/v1/groups/{id}/cover", Upload(new byte[(5 * 1024 * 1024) + 1], "big.png"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(oversized.GetProperty("errors").TryGetProperty("cover", out _));
        var notImage = await (await tenant.Client("owner").PutAsync($"api/v1/groups/{id}/cover", Upload("<html>hi</html>"u8.ToArray(), "cover.png"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(notImage.GetProperty("errors").TryGetProperty("cover", out _));

        await (await tenant.Client("owner").PutAsync($"api/v1/groups/{id}/cover", Upload(Png(), "cover.png"))).ExpectJsonAsync(HttpStatusCode.NoContent);
        var served = await tenant.Client("owner").GetAsync($"api/v1/groups/{id}/cover");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/webp", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("outsider").GetAsync($"api/v1/groups/{id}/cover")).StatusCode);
    }

    [SkippableFact]
    public async Task Rules_place_people_who_join_or_move_without_anyone_applying_them_again()
    {
        tenant.SkipIfUnavailable();
        var everyone = (await tenant.CreateGroupAsync("admin", new { name = "Placed: everyone", visibility = "Private" })).GetProperty("id").GetInt64();
        var finance = (await tenant.CreateGroupAsync("admin", new { name = "Placed: finance", visibility = "Private" })).GetProperty("id").GetInt64();
        await (await tenant.Admin.PutAsJsonAsync($"api/v1/groups/{everyone}/rules", new { rules = new[] { new { kind = "Everyone", value = (string?)null } } })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PutAsJsonAsync($"api/v1/groups/{finance}/rules", new { rules = new[] { new { kind = "Department", value = (string?)"Finance" } } })).ExpectJsonAsync(HttpStatusCode.OK);

        // Created by an administrator: an employee lands in the group for everyone, a guest does not.
        var employee = await CreatePersonAsync("placedemployee", roles: null);
        var guest = await CreatePersonAsync("placedguest", roles: ["Guest"]);
        Assert.Contains(employee, await MemberIdsAsync(everyone));
        Assert.DoesNotContain(guest, await MemberIdsAsync(everyone));
        Assert.DoesNotContain(employee, await MemberIdsAsync(finance));

        // Claiming Finance on one's own profile is refused, and opens nothing.
        await (await tenant.Client("outsider").PatchAsJsonAsync("api/v1/users/me", new { department = "Finance" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain(tenant.IdOf("outsider"), await MemberIdsAsync(finance));

        // Moved to Finance by an administrator: in the Finance group. The guest made an employee: in the group for everyone.
        await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{employee}", new { department = "Finance" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(employee, await MemberIdsAsync(finance));
        await (await tenant.Admin.PutAsJsonAsync($"api/v1/users/{guest}/roles", new { roles = new[] { BuiltInRoles.Employee } })).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Contains(guest, await MemberIdsAsync(everyone));

        // Imported: a new person in Finance lands in both; an existing one moved to Finance by the file joins it.
        var csv = $"email,userName,displayName,department\nplacedimport@{tenant.Name}.test,placedimport,Placed Import,Finance\n{tenant.Name}-placedguest@corp.test,placedguest,placedguest,Finance\n";
        await (await tenant.Admin.PostAsync("api/v1/users/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).ExpectJsonAsync(HttpStatusCode.OK);
        var imported = (await (await tenant.Admin.GetAsync("api/v1/users?q=placedimport")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("users").EnumerateArray().Single().GetProperty("id").GetString()!;
        Assert.Contains(imported, await MemberIdsAsync(everyone));
        Assert.Contains(imported, await MemberIdsAsync(finance));
        Assert.Contains(guest, await MemberIdsAsync(finance));

        // Moving out of Finance takes away what the rule gave, not what a person gave: the member added by hand stays.
        await (await tenant.Admin.PostAsJsonAsync($"api/v1/groups/{finance}/members", new { userNames = new[] { "member" } })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Client("member").PostAsync($"api/v1/groups/{finance}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        foreach (var moving in new[] { employee, tenant.IdOf("member") })
        {
            await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{moving}", new { department = "Sales" })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        var financeNow = await MemberIdsAsync(finance);
        Assert.DoesNotContain(employee, financeNow);
        Assert.Contains(tenant.IdOf("member"), financeNow);
        Assert.Contains(imported, financeNow);
        Assert.Contains(employee, await MemberIdsAsync(everyone));
    }

    private async Task<string> CreatePersonAsync(string userName, string[]? roles)
    {
        var created = await (await tenant.Admin.PostAsJsonAsync("api/v1/users", new { userName, email = $"{tenant.Name}-{userName}@corp.test", displayName = userName, password = GroupsTenant.Password, roles })).ExpectJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    private async Task<List<string>> MemberIdsAsync(long groupId) =>
        [.. (await (await tenant.Admin.GetAsync($"api/v1/groups/{groupId}/members")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetString()!)];

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName) =>
        new() { { new ByteArrayContent(bytes), "cover", fileName } };

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(64, 32);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

[Collection(WebCollection.Name)]
public sealed class GroupApiTestsOnSqlite(GroupsSqliteTenant tenant) : GroupApiTests(tenant), IClassFixture<GroupsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class GroupApiTestsOnPostgres(GroupsPostgresTenant tenant) : GroupApiTests(tenant), IClassFixture<GroupsPostgresTenant>;
