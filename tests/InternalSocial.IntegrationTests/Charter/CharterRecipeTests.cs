using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Charter.CharterTenant;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>The charter recipe step: publishes in order, a second run publishes nothing, errors name the field and apply nothing, export gives the current versions.</summary>
public abstract class CharterRecipeTests(CharterTenant tenant)
{
    [SkippableFact]
    public async Task The_charter_step_publishes_in_order_a_second_run_publishes_nothing_and_export_gives_the_current_texts()
    {
        tenant.SkipIfUnavailable();
        var recipe = Recipe(
            """{"audience":"employees","texts":{"en":"Recipe one.","fr":"Recette un."}}""",
            """{"audience":"employees","material":false,"texts":{"en":"Recipe one, fixed.","fr":"Recette un, corrigée."}}""",
            """{"audience":"guests","material":true,"texts":{"en":"Guests.","fr":"Invités.","de":"Gäste."}}""");
        await RunAsync(recipe);
        var first = await SnapshotAsync();
        Assert.Contains("|employees|", first, StringComparison.Ordinal);
        await RunAsync(recipe);
        Assert.Equal(first, await SnapshotAsync());

        var (_, _, guest) = await tenant.PersonAsync(InternalSocial.Kernel.Security.BuiltInRoles.Guest);
        var mine = await MineAsync(guest);
        Assert.Equal("Gäste.", mine.GetProperty("texts").GetProperty("de").GetString());

        await AcceptCurrentAsync(tenant.Admin);
        var export = await (await tenant.Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        var step = export.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "charter");
        var employees = step.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("audience").GetString() == "employees");
        Assert.Equal("Recipe one, fixed.", employees.GetProperty("texts").GetProperty("en").GetString());
        Assert.False(employees.GetProperty("material").GetBoolean());
    }

    [SkippableFact]
    public async Task An_invalid_charter_step_changes_nothing_and_names_each_field()
    {
        tenant.SkipIfUnavailable();
        var before = await SnapshotAsync();
        var recipe = Recipe(
            """{"audience":"employees","texts":{"en":"Fine.","fr":"Bien."}}""",
            """{"audience":"everyone","material":"yes","texts":{"en":"No French."},"colour":"red"}""",
            """{"audience":"guests","texts":["en"]}""");
        await AcceptCurrentAsync(tenant.Admin);
        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        foreach (var field in new[] { "versions[1].audience", "versions[1].material", "versions[1].texts.fr", "versions[1].colour", "versions[2].texts" })
        {
            Assert.Contains(errors, e => e.Contains("'charter'", StringComparison.Ordinal) && e.EndsWith(field, StringComparison.Ordinal));
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task RunAsync(JsonNode recipe)
    {
        await AcceptCurrentAsync(tenant.Admin);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectJsonAsync(HttpStatusCode.OK);
    }

    private static JsonNode Recipe(params string[] versions) =>
        JsonNode.Parse($$"""{"name":"charter-test","steps":[{"name":"charter","versions":[{{string.Join(",", versions)}}]}]}""")!;

    /// <summary>Every version and text as stored, to compare before and after.</summary>
    private Task<string> SnapshotAsync() => tenant.InDatabaseAsync(async db => string.Join("\n",
        (await db.Versions.AsNoTracking().OrderBy(v => v.Id).ToListAsync()).Select(v => $"{v.Id}|{v.Audience}|{v.Number}|{v.Material}|{v.PublishedUtc:O}")
            .Concat((await db.Texts.AsNoTracking().OrderBy(t => t.VersionId).ThenBy(t => t.Language).ToListAsync()).Select(t => $"{t.VersionId}|{t.Language}|{t.Markdown}"))));
}

[Collection(WebCollection.Name)]
public sealed class CharterRecipeTestsOnSqlite(CharterSqliteTenant tenant) : CharterRecipeTests(tenant), IClassFixture<CharterSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterRecipeTestsOnPostgres(CharterPostgresTenant tenant) : CharterRecipeTests(tenant), IClassFixture<CharterPostgresTenant>;
