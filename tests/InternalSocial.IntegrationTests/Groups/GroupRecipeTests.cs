using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Groups;

/// <summary>The <c>groups</c> recipe step: upsert by slug, idempotent, validated field by field; the export holds configuration, never members.</summary>
[Collection(WebCollection.Name)]
public sealed class GroupRecipeTests(GroupsSqliteTenant tenant) : IClassFixture<GroupsSqliteTenant>
{
    private static JsonObject Recipe(string members = """[ { "userName": "owner", "role": "owner" } ]""") => JsonNode.Parse($$"""
        {
          "name": "groups-test",
          "steps": [
            { "name": "groups", "groups": [
              { "slug": "everyone-here", "name": "Everyone here", "type": "community", "visibility": "public", "postingPolicy": "adminsOnly",
                "mandatory": true, "rules": [ { "kind": "everyone" } ] },
              { "slug": "skunkworks", "name": "Skunkworks", "description": "Secret things.", "type": "project", "visibility": "secret",
                "postsNeedApproval": true, "modules": { "probe": false }, "members": {{members}} }
            ] }
          ]
        }
        """)!.AsObject();

    [Fact]
    public async Task Running_the_step_twice_gives_the_same_groups_and_rules_apply_to_employees_only()
    {
        for (var run = 0; run < 2; run++)
        {
            await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe() })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        var all = await (await tenant.Admin.GetAsync("api/v1/groups?q=everyone")).ExpectJsonAsync(HttpStatusCode.OK);
        var everyone = Assert.Single(all.GetProperty("groups").EnumerateArray());
        Assert.True(everyone.GetProperty("isMandatory").GetBoolean());
        Assert.Equal("AdminsOnly", everyone.GetProperty("postingPolicy").GetString());
        var id = everyone.GetProperty("id").GetInt64();
        var members = await (await tenant.Admin.GetAsync($"api/v1/groups/{id}/members")).ExpectJsonAsync(HttpStatusCode.OK);
        var names = members.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userName").GetString()).ToList();
        Assert.Contains("member", names);
        Assert.Contains("admin", names);
        Assert.DoesNotContain("guest", names);
        await (await tenant.Client("member").PostAsync($"api/v1/groups/{id}/leave", null)).ExpectProblemAsync(HttpStatusCode.Conflict);

        var secret = await (await tenant.Client("owner").GetAsync("api/v1/groups?q=skunk")).ExpectJsonAsync(HttpStatusCode.OK);
        var skunkworks = Assert.Single(secret.GetProperty("groups").EnumerateArray());
        Assert.Equal("Owner", skunkworks.GetProperty("myRole").GetString());
        Assert.Equal(1, skunkworks.GetProperty("memberCount").GetInt32());
        var modules = await (await tenant.Client("owner").GetAsync($"api/v1/groups/{skunkworks.GetProperty("id").GetInt64()}/modules")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(modules.EnumerateArray().Single(m => m.GetProperty("key").GetString() == "probe").GetProperty("isEnabled").GetBoolean());
        Assert.Empty((await (await tenant.Client("outsider").GetAsync("api/v1/groups?q=skunk")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task A_bad_step_is_refused_field_by_field_and_changes_nothing()
    {
        var recipe = Recipe("""[ { "userName": "no-such-person" } ]""");
        var group = recipe["steps"]![0]!["groups"]![0]!.AsObject();
        group["visibility"] = "hidden";
        group["colour"] = "red";
        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var fields = string.Join("\n", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Contains("groups[0].visibility", fields, StringComparison.Ordinal);
        Assert.Contains("groups[0].colour", fields, StringComparison.Ordinal);
        Assert.Contains("groups[1].members[0].userName", fields, StringComparison.Ordinal);
        var found = await (await tenant.Admin.GetAsync("api/v1/groups?q=skunkworks-never")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Empty(found.GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task The_export_holds_each_groups_configuration_and_no_members()
    {
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = Recipe() })).ExpectJsonAsync(HttpStatusCode.OK);
        var export = await (await tenant.Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        var step = export.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "groups");
        var skunkworks = step.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("slug").GetString() == "skunkworks");
        Assert.Equal("secret", skunkworks.GetProperty("visibility").GetString());
        Assert.True(skunkworks.GetProperty("postsNeedApproval").GetBoolean());
        Assert.False(skunkworks.GetProperty("modules").GetProperty("probe").GetBoolean());
        var text = step.GetRawText();
        Assert.DoesNotContain("members", text, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.IdOf("owner"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"owner\"", text, StringComparison.Ordinal);
    }
}
