using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Recipes;

namespace InternalSocial.IntegrationTests.Recipes;

/// <summary>
/// Every recipe of the folder ends in one state: run again on the organisation it set up, it changes nothing (no new
/// version, row, member, notification or audit entry), and a recipe that includes another ends as if each definition
/// had been saved once.
/// </summary>
public abstract partial class RecipeRerunTests(TestTenant tenant)
{
    /// <summary>The file names of the folder's recipes (the schema is no recipe).</summary>
    public static TheoryData<string> RecipeFiles => [.. Directory.GetFiles(Path.Combine(Repository.Root, "recipes"), "*.recipe.json")
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [SkippableTheory]
    [MemberData(nameof(RecipeFiles))]
    public async Task Running_a_recipe_of_the_folder_again_changes_nothing(string file)
    {
        tenant.SkipIfUnavailable();
        var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "recipes", file)), file);
        var name = tenant.Name + recipe.Name.Replace("-", "", StringComparison.Ordinal);
        // A recipe that cannot set up an organisation runs on the smallest one.
        await tenant.CreateAndSetUpAsync(name, name, tenant.Provider, recipe.IsSetupRecipe ? recipe.Name : "minimal");
        using var admin = await tenant.Host.CreateTokenClientAsync(name, "admin", HostFixture.AdminPassword);
        if (!recipe.IsSetupRecipe)
        {
            await RunAsync(admin, recipe.Name);
        }

        var once = await TenantSnapshot.TakeAsync(tenant, name, admin);

        await RunAsync(admin, recipe.Name);
        AssertSame(once, await TenantSnapshot.TakeAsync(tenant, name, admin), $"{file}, run a second time");
        await RunAsync(admin, recipe.Name);
        AssertSame(once, await TenantSnapshot.TakeAsync(tenant, name, admin), $"{file}, run a third time");
    }

    [SkippableFact]
    public async Task A_recipe_that_includes_another_ends_as_its_flattened_steps_saved_once()
    {
        tenant.SkipIfUnavailable();
        var included = tenant.Name + "inc";
        await tenant.CreateAndSetUpAsync(included, included, tenant.Provider, "moderated");
        using var admin = await tenant.Host.CreateTokenClientAsync(included, "admin", HostFixture.AdminPassword);

        // moderated redefines default's approve-group-posts: one save, not the included one and then its own.
        var workflows = await (await admin.GetAsync("api/v1/workflows")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, workflows.GetArrayLength());
        Assert.All(workflows.EnumerateArray(), w => Assert.Equal(1, w.GetProperty("version").GetInt32()));
        var approval = await (await admin.GetAsync("api/v1/workflows/approve-group-posts")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("\"escalate\"", approval.GetRawText(), StringComparison.Ordinal);

        // The same steps written out by hand, each definition once, on an organisation that starts empty.
        var flat = tenant.Name + "flat";
        await tenant.CreateAndSetUpAsync(flat, flat, tenant.Provider, "minimal");
        using var flatAdmin = await tenant.Host.CreateTokenClientAsync(flat, "admin", HostFixture.AdminPassword);
        var moderated = Read("moderated");
        var steps = Flatten(moderated);
        var workflowSteps = steps.Where(s => s["name"]!.GetValue<string>() == "workflows").ToList();
        for (var i = 0; i < workflowSteps.Count; i++)
        {
            var redefined = workflowSteps.Skip(i + 1).SelectMany(s => s["workflows"]!.AsArray().Select(w => w!["id"]!.GetValue<string>())).ToHashSet();
            var list = workflowSteps[i]["workflows"]!.AsArray();
            foreach (var definition in list.Where(w => redefined.Contains(w!["id"]!.GetValue<string>())).ToList())
            {
                list.Remove(definition);
            }

            if (list.Count == 0)
            {
                steps.Remove(workflowSteps[i]);
            }
        }

        var recipe = new JsonObject { ["name"] = "moderated-flat", ["variables"] = moderated["variables"]!.DeepClone(), ["steps"] = new JsonArray([.. steps]) };
        await (await flatAdmin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectJsonAsync(HttpStatusCode.OK);

        AssertSame(
            Comparable(await TenantSnapshot.TakeAsync(tenant, flat, flatAdmin), flat),
            Comparable(await TenantSnapshot.TakeAsync(tenant, included, admin), included),
            "moderated (including default) against its steps written out once");
    }

    private static async Task RunAsync(HttpClient admin, string recipe) =>
        await (await admin.PostAsJsonAsync("api/v1/recipes/run", new { name = recipe })).ExpectJsonAsync(HttpStatusCode.OK);

    private static JsonObject Read(string recipe) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "recipes", recipe + ".recipe.json")))!.AsObject();

    /// <summary>The recipe's steps with each <c>recipes</c> step replaced by the included recipes' steps, in order.</summary>
    private static List<JsonObject> Flatten(JsonObject recipe) =>
    [
        .. recipe["steps"]!.AsArray().OfType<JsonObject>().SelectMany(step => step["name"]!.GetValue<string>() == "recipes"
            ? step["recipes"]!.AsArray().SelectMany(r => Flatten(Read(r!.GetValue<string>())))
            : [(JsonObject)step.DeepClone()]),
    ];

    /// <summary>Two organisations differ by their names and by when things were saved; nothing else may differ.</summary>
    private static string Comparable(string snapshot, string name) =>
        SavedAt().Replace(snapshot.Replace(name, "{tenant}", StringComparison.Ordinal), "\"updatedUtc\": \"…\"");

    [GeneratedRegex("\"updatedUtc\": \"[^\"]*\"")]
    private static partial Regex SavedAt();

    /// <summary>Equal, or a failure listing the lines that differ, each with its line number, so that the change is readable.</summary>
    private static void AssertSame(string expected, string actual, string what)
    {
        if (expected == actual)
        {
            return;
        }

        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var differences = Enumerable.Range(0, Math.Max(before.Length, after.Length))
            .Where(i => i >= before.Length || i >= after.Length || before[i] != after[i])
            .Take(40)
            .Select(i => $"line {i + 1}:\n  - {(i < before.Length ? before[i].Trim() : "(none)")}\n  + {(i < after.Length ? after[i].Trim() : "(none)")}");
        Assert.Fail($"{what}: the state changed.\n{string.Join("\n", differences)}\n\nExpected:\n{expected}\n\nActual:\n{actual}");
    }
}

[Collection(WebCollection.Name)]
public sealed class RecipeRerunOnSqlite(SqliteTenant tenant) : RecipeRerunTests(tenant), IClassFixture<SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class RecipeRerunOnPostgres(PostgresTenant tenant) : RecipeRerunTests(tenant), IClassFixture<PostgresTenant>;
