using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Charter.CharterTenant;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>The charter step's <c>settings</c>: applied by a recipe, written by the export, and a bad one applies nothing of the recipe.</summary>
public abstract class CharterSettingsRecipeTests(CharterTenant tenant)
{
    [SkippableFact]
    public async Task A_recipe_sets_the_settings_the_export_writes_them_and_a_bad_one_applies_nothing()
    {
        tenant.SkipIfUnavailable();
        await AcceptCurrentAsync(tenant.Admin);
        try
        {
            await RunAsync("""{"name":"charter","settings":{"graceDays":5,"editorialExpanded":true}}""", HttpStatusCode.OK);
            var settings = await (await tenant.Admin.GetAsync("api/v1/charter/settings")).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.Equal(5, settings.GetProperty("graceDays").GetInt32());
            Assert.True(settings.GetProperty("editorialExpanded").GetBoolean());
            Assert.True(settings.GetProperty("gateGuests").GetBoolean());

            var export = await (await tenant.Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
            var step = export.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "charter");
            Assert.Equal(5, step.GetProperty("settings").GetProperty("graceDays").GetInt32());
            Assert.True(step.GetProperty("settings").GetProperty("gateEmployees").GetBoolean());

            var versions = await tenant.InDatabaseAsync(db => db.Versions.AsNoTracking().CountAsync());
            var problem = await RunAsync(
                """{"name":"charter","settings":{"graceDays":40,"gateGuests":"no","colour":1},"versions":[{"audience":"guests","texts":{"en":"Fine.","fr":"Bien."}}]}""",
                HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
            foreach (var field in new[] { "settings.graceDays", "settings.gateGuests", "settings.colour" })
            {
                Assert.Contains(errors, e => e.Contains("'charter'", StringComparison.Ordinal) && e.EndsWith(field, StringComparison.Ordinal));
            }

            Assert.Equal(versions, await tenant.InDatabaseAsync(db => db.Versions.AsNoTracking().CountAsync()));
            Assert.Equal(5, (await (await tenant.Admin.GetAsync("api/v1/charter/settings")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("graceDays").GetInt32());
        }
        finally
        {
            await (await tenant.Admin.PutAsJsonAsync("api/v1/charter/settings", new { graceDays = 0, editorialExpanded = false })).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }

    private async Task<System.Text.Json.JsonElement> RunAsync(string step, HttpStatusCode status)
    {
        var recipe = JsonNode.Parse($$"""{"name":"charter-settings-test","steps":[{{step}}]}""")!;
        var response = await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe });
        return status == HttpStatusCode.OK ? await response.ExpectJsonAsync(status) : await response.ExpectProblemAsync(status);
    }
}

[Collection(WebCollection.Name)]
public sealed class CharterSettingsRecipeTestsOnSqlite(CharterSqliteTenant tenant) : CharterSettingsRecipeTests(tenant), IClassFixture<CharterSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterSettingsRecipeTestsOnPostgres(CharterPostgresTenant tenant) : CharterSettingsRecipeTests(tenant), IClassFixture<CharterPostgresTenant>;
