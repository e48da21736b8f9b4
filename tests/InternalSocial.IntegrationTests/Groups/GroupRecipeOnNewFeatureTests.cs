using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Groups;

/// <summary>A recipe that turns Groups on and creates groups in the same run, on a tenant that never had them.</summary>
[Collection(WebCollection.Name)]
public sealed class GroupRecipeOnNewFeatureTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task Groups_are_created_by_the_run_that_turns_the_feature_on()
    {
        var recipe = JsonNode.Parse("""
            {
              "name": "groups-later",
              "steps": [
                { "name": "features", "enable": [ "InternalSocial.Groups" ] },
                { "name": "groups", "groups": [ { "slug": "night-shift", "name": "Night shift", "visibility": "private" } ] }
              ]
            }
            """);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectJsonAsync(HttpStatusCode.OK);

        var groups = await (await tenant.Admin.GetAsync("api/v1/groups?q=night")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("Night shift", groups.GetRawText(), StringComparison.Ordinal);
    }
}
