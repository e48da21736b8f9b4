using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Recipes;

/// <summary>Recipes through the API: validation first, idempotence, undo on failure, history, export and import.</summary>
public abstract class RecipeTests(TestTenant tenant)
{
    private HttpClient Admin => tenant.Admin;

    /// <summary>The tenant's configuration as the export sees it: features, settings and roles.</summary>
    private async Task<string> ConfigurationAsync(HttpClient client)
    {
        var export = await (await client.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        return export.GetProperty("steps").GetRawText();
    }

    /// <summary>In English: messages are in the request's language, and a test of this class makes French the tenant's default.</summary>
    private Task<HttpResponseMessage> RunAsync(object recipe, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/recipes/run") { Content = JsonContent.Create(new { recipe, variables }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        return Admin.SendAsync(request);
    }

    [SkippableFact]
    public async Task Each_recipe_of_the_folder_sets_up_a_tenant_to_what_it_declares()
    {
        tenant.SkipIfUnavailable();
        var harvester = tenant.Host.Services.GetRequiredService<RecipeHarvester>();
        var setupRecipes = (await harvester.GetAllAsync(CancellationToken.None)).Where(r => r.IsSetupRecipe).ToList();
        Assert.Contains(setupRecipes, r => r.Name == "default");

        foreach (var recipe in setupRecipes)
        {
            var name = $"{tenant.Name}{recipe.Name.Replace("-", "", StringComparison.Ordinal)}";
            await tenant.CreateAndSetUpAsync(name, name, tenant.Provider, recipe.Name);
            using var admin = await tenant.Host.CreateTokenClientAsync(name, "admin", HostFixture.AdminPassword);
            var steps = await tenant.Host.Services.GetRequiredService<RecipeExecutor>().ValidateAsync(name, recipe, null, CancellationToken.None);

            var features = await (await admin.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);
            var enabled = features.EnumerateArray().Where(f => f.GetProperty("isEnabled").GetBoolean()).Select(f => f.GetProperty("id").GetString()).ToHashSet();
            foreach (var id in steps.Where(s => s.Name == "features").SelectMany(s => RecipeExecutor.FeatureIds(s, "enable")))
            {
                Assert.True(enabled.Contains(id), $"{recipe.Name}: {id} is not enabled.");
            }

            var settings = await (await admin.GetAsync("api/v1/settings")).ExpectJsonAsync(HttpStatusCode.OK);
            foreach (var step in steps.Where(s => s.Name == "settings"))
            {
                foreach (var (field, value) in step.Data.Where(p => p.Key != "name"))
                {
                    Assert.Equal(value!.GetValue<string>(), settings.GetProperty(field).GetString());
                }
            }

            var exported = JsonNode.Parse(await ConfigurationAsync(admin))!.AsArray();
            var roles = exported.Single(s => s!["name"]!.GetValue<string>() == "roles")!["roles"]!.AsArray();
            foreach (var role in steps.Where(s => s.Name == "roles").SelectMany(s => s.Data["roles"]!.AsArray()))
            {
                var actual = roles.Single(r => r!["name"]!.GetValue<string>() == role!["name"]!.GetValue<string>())!;
                Assert.Equal(
                    role!["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).Order(),
                    actual["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).Order());
            }

            var runs = await (await admin.GetAsync("api/v1/recipes/runs")).ExpectJsonAsync(HttpStatusCode.OK);
            var run = runs.EnumerateArray().Single();
            Assert.Equal(recipe.Name, run.GetProperty("recipeName").GetString());
            Assert.True(run.GetProperty("succeeded").GetBoolean());
            Assert.Equal("admin", run.GetProperty("ranBy").GetString());
        }
    }

    [SkippableFact]
    public async Task Running_a_recipe_twice_gives_the_same_state_as_once()
    {
        tenant.SkipIfUnavailable();
        var recipe = new
        {
            name = "twice",
            variables = new { team = "Support" },
            steps = new object[]
            {
                new { name = "features", enable = new[] { "InternalSocial.QuickLinks" } },
                new { name = "settings", siteName = "Org {{team}}" },
                new { name = "roles", roles = new[] { new { name = "{{team}}Lead", description = "Leads {{team}}", permissions = new[] { "QuickLinks.View", "QuickLinks.Manage" } } } },
            },
        };

        var first = await (await RunAsync(recipe)).ExpectJsonAsync(HttpStatusCode.OK);
        var afterOnce = await ConfigurationAsync(Admin);
        var second = await (await RunAsync(recipe)).ExpectJsonAsync(HttpStatusCode.OK);
        var afterTwice = await ConfigurationAsync(Admin);

        Assert.Equal(afterOnce, afterTwice);
        Assert.Empty(second.GetProperty("enabledFeatures").EnumerateArray());
        Assert.Contains("SupportLead", afterTwice, StringComparison.Ordinal);
        Assert.Contains("Org Support", afterTwice, StringComparison.Ordinal);
        Assert.Equal(3, first.GetProperty("stepCount").GetInt32());

        // Variables given at run time win over the recipe's defaults.
        await (await RunAsync(recipe, new { team = "Sales" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("SalesLead", await ConfigurationAsync(Admin), StringComparison.Ordinal);
        var runs = await (await Admin.GetAsync("api/v1/recipes/runs")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("Sales", runs.EnumerateArray().First().GetProperty("variables").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadRecipes => new()
    {
        { """{ "name": "bad", "steps": [ { "name": "nope" } ] }""", "step 1 'nope'", "Unknown step 'nope'" },
        { """{ "name": "bad", "steps": [ { "name": "features", "enable": ["No.Such.Feature"] } ] }""", "enable[0]", "unknown feature" },
        { """{ "name": "bad", "steps": [ { "name": "features", "enable": "InternalSocial.QuickLinks" } ] }""", "enable", "must be an array" },
        { """{ "name": "bad", "steps": [ { "name": "features", "disable": ["InternalSocial.Users"] } ] }""", "disable[0]", "always enabled" },
        { """{ "name": "bad", "steps": [ { "name": "settings", "siteName": "{{missing}}" } ] }""", "siteName", "undefined variable 'missing'" },
        { """{ "name": "bad", "steps": [ { "name": "settings", "timeZoneId": 42 } ] }""", "timeZoneId", "must be a string" },
        { """{ "name": "bad", "steps": [ { "name": "settings", "timeZoneId": "Mars/Base" } ] }""", "timeZoneId", "not a known time zone" },
        { """{ "name": "bad", "steps": [ { "name": "settings", "colour": "red" } ] }""", "colour", "is not a field" },
        { """{ "name": "bad", "steps": [ { "name": "roles", "roles": [ { "permissions": ["QuickLinks.View"] } ] } ] }""", "roles[0].name", "is required" },
        { """{ "name": "bad", "steps": [ { "name": "roles", "roles": [ { "name": "Writers", "permissions": ["No.Such.Permission"] } ] } ] }""", "roles[0].permissions[0]", "unknown permission" },
        { """{ "name": "bad", "steps": [ { "name": "roles", "roles": [ { "name": "Writers", "behavior": "merge" } ] } ] }""", "roles[0].behavior", "must be one of" },
        { """{ "name": "bad", "steps": [ { "name": "recipes", "recipes": ["no-such-recipe"] } ] }""", "recipes[0]", "no recipe named" },
        { """{ "name": "bad", "steps": [ { "name": "recipes" } ] }""", "recipes", "is required" },
        { """{ "name": "bad", "steps": [ { "name": "features" } ] }""", "enable", "give 'enable', 'disable' or both" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadRecipes))]
    public async Task A_bad_recipe_is_refused_naming_the_step_and_field_and_changes_nothing(string json, string where, string problem)
    {
        tenant.SkipIfUnavailable();
        var before = await ConfigurationAsync(Admin);

        var refused = await (await RunAsync(JsonNode.Parse(json)!)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var errors = refused.GetProperty("errors").EnumerateObject().ToList();
        Assert.True(
            errors.Any(e => e.Name.Contains(where, StringComparison.Ordinal) && e.Value.EnumerateArray().Any(m => m.GetString()!.Contains(problem, StringComparison.Ordinal))),
            $"Expected an error at '{where}' saying '{problem}', got: {refused.GetProperty("errors")}");
        Assert.Contains("uploaded.recipe.json", errors[0].Name, StringComparison.Ordinal);
        Assert.Equal(before, await ConfigurationAsync(Admin));
    }

    [SkippableFact]
    public async Task A_bad_recipe_is_explained_in_the_language_of_the_request()
    {
        tenant.SkipIfUnavailable();
        var recipe = JsonNode.Parse("""
            { "name": "mauvaise", "steps": [
                { "name": "features", "enable": ["No.Such.Feature"] },
                { "name": "roles", "roles": [ { "name": "Writers", "permissions": ["No.Such.Permission"] } ] },
                { "name": "groups", "groups": [ { "slug": "Not A Slug", "name": "x" } ] } ] }
            """)!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/recipes/run") { Content = JsonContent.Create(new { recipe }) };
        request.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");

        var refused = await (await Admin.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var messages = refused.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => $"{e.Name}: {m.GetString()}")).ToList();
        // The kernel's step reader, a module's step (Users) and a step of a module the recipe does not enable (Groups is off here: unknown step).
        Assert.Contains(messages, m => m.Contains("enable[0]: fonctionnalité inconnue « No.Such.Feature »", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("roles[0].permissions[0]: autorisation inconnue « No.Such.Permission »", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Étape inconnue « groups »", StringComparison.Ordinal));
        Assert.Contains("La recette n’est pas valide", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_step_failing_while_applying_undoes_the_whole_recipe()
    {
        tenant.SkipIfUnavailable();
        await (await Admin.PostAsync("api/v1/features/InternalSocial.Probe/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var before = await ConfigurationAsync(Admin);
        var notesBefore = (await (await Admin.GetAsync("probe/notes")).ExpectJsonAsync(HttpStatusCode.OK)).GetArrayLength();
        var recipe = JsonNode.Parse("""
            { "name": "breaks", "steps": [
                { "name": "features", "enable": ["InternalSocial.QuickLinks", "InternalSocial.Probe.Dependent"] },
                { "name": "settings", "siteName": "Should not stay" },
                { "name": "roles", "roles": [ { "name": "Ghosts", "permissions": ["QuickLinks.View"] } ] },
                { "name": "probe-note", "text": "should not stay" },
                { "name": "probe-note", "text": "breaks here", "fail": true },
                { "name": "settings", "timeZoneId": "UTC" } ] }
            """)!;

        var failed = await (await RunAsync(recipe)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("step 5 'probe-note' failed", failed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ConfigurationAsync(Admin));
        Assert.Equal(notesBefore, (await (await Admin.GetAsync("probe/notes")).ExpectJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("probe/dependent")).StatusCode);
        var runs = await (await Admin.GetAsync("api/v1/recipes/runs")).ExpectJsonAsync(HttpStatusCode.OK);
        var last = runs.EnumerateArray().First();
        Assert.Equal("breaks", last.GetProperty("recipeName").GetString());
        Assert.False(last.GetProperty("succeeded").GetBoolean());
        await (await Admin.PostAsync("api/v1/features/InternalSocial.Probe/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_disabled_features_grants_stay_out_of_the_export_and_survive_running_it_again()
    {
        tenant.SkipIfUnavailable();
        await (await Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);

        var exported = await (await Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("QuickLinks.", exported.GetRawText(), StringComparison.Ordinal);
        await (await RunAsync(JsonNode.Parse(exported.GetRawText())!)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);

        var roles = JsonNode.Parse(await ConfigurationAsync(Admin))!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "roles")!["roles"]!.AsArray();
        var employee = roles.Single(r => r!["name"]!.GetValue<string>() == "Employee")!;
        Assert.Contains("QuickLinks.View", employee["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
        await (await Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task An_exported_configuration_imported_into_a_new_tenant_gives_the_same_configuration()
    {
        tenant.SkipIfUnavailable();
        await (await RunAsync(JsonNode.Parse("""
            { "name": "shape", "steps": [
                { "name": "features", "enable": ["InternalSocial.QuickLinks"] },
                { "name": "settings", "siteName": "Shaped", "timeZoneId": "America/Montreal", "defaultCulture": "fr" },
                { "name": "roles", "roles": [ { "name": "Curators", "description": "Curate links", "permissions": ["QuickLinks.Manage", "QuickLinks.View"] } ] } ] }
            """)!)).ExpectJsonAsync(HttpStatusCode.OK);
        var exported = await (await Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("admin@", exported.GetRawText(), StringComparison.Ordinal);

        var name = tenant.Name + "i";
        await tenant.CreateAndSetUpAsync(name, name, tenant.Provider, "minimal");
        using var other = await tenant.Host.CreateTokenClientAsync(name, "admin", HostFixture.AdminPassword);
        await (await other.PostAsJsonAsync("api/v1/recipes/run", new { recipe = JsonNode.Parse(exported.GetRawText()) })).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal(await ConfigurationAsync(Admin), await ConfigurationAsync(other));
    }

    [SkippableFact]
    public async Task Validation_previews_the_changes_without_applying_them()
    {
        tenant.SkipIfUnavailable();
        var before = await ConfigurationAsync(Admin);
        var preview = await (await Admin.PostAsJsonAsync("api/v1/recipes/validate", new { name = "editorial-roles" })).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, preview.GetProperty("steps").GetArrayLength());
        Assert.Equal(before, await ConfigurationAsync(Admin));
        await (await Admin.PostAsJsonAsync("api/v1/recipes/validate", new { name = "no-such" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await Admin.PostAsJsonAsync("api/v1/recipes/run", new { })).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }
}

[Collection(WebCollection.Name)]
public sealed class RecipesOnSqlite(SqliteTenant tenant) : RecipeTests(tenant), IClassFixture<SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class RecipesOnPostgres(PostgresTenant tenant) : RecipeTests(tenant), IClassFixture<PostgresTenant>;
