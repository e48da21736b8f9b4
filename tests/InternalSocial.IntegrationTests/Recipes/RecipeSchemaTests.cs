using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Shells;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Recipes;

/// <summary>recipes/recipe.schema.json: valid for every shipped recipe, strict on malformed ones, in step with the handlers.</summary>
[Collection(WebCollection.Name)]
public sealed class RecipeSchemaTests(HostFixture host)
{
    private static readonly string RecipesFolder = Path.Combine(Repository.Root, "recipes");
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(RecipesFolder, "recipe.schema.json"));

    private static bool IsValid(string json) =>
        Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;

    [Fact]
    public void Every_recipe_of_the_folder_follows_the_schema()
    {
        var files = Directory.GetFiles(RecipesFolder, "*.recipe.json");
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.True(IsValid(File.ReadAllText(file)), $"{Path.GetFileName(file)} does not follow recipe.schema.json."));
    }

    [Theory]
    [InlineData("""{ "steps": [] }""")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "teleport" } ] }""")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "features", "enable": "InternalSocial.QuickLinks" } ] }""")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "features" } ] }""")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "settings", "timeZoneId": 42 } ] }""")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "settings", "colour": "red" } ] }""")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "roles", "roles": [ { "permissions": [] } ] } ] }""")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "roles", "roles": [ { "name": "A", "behavior": "merge" } ] } ] }""")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "recipes" } ] }""")]
    [InlineData("""{ "name": "x", "variables": { "n": 3 }, "steps": [] }""")]
    [InlineData("""{ "name": "x", "isSetupRecipe": "yes", "steps": [] }""")]
    public void Malformed_recipes_do_not_follow_the_schema(string json) => Assert.False(IsValid(json), json);

    [Fact]
    public async Task The_schema_knows_every_step_a_fully_enabled_tenant_handles()
    {
        var catalog = host.Services.GetRequiredService<FeatureCatalog>();
        var settings = new ShellSettings { Name = "SchemaProbe", State = TenantState.Running };
        var features = host.ShellHost.ResolveFeatures(settings, catalog.Features.Where(f => !f.DefaultTenantOnly && f.Module.Id != "InternalSocial.Probe").Select(f => f.Id));
        await using var shell = host.Services.GetRequiredService<ShellContainerFactory>().Create(settings, features);
        var handled = await shell.InScopeAsync(services => Task.FromResult(services.GetServices<IRecipeStepHandler>().Select(h => h.StepName).Append(RecipeExecutor.IncludeStepName).Order().ToList()));

        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RecipesFolder, "recipe.schema.json")))!;
        var declared = schema["$defs"]!["step"]!["properties"]!["name"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Order().ToList();

        Assert.Equal(handled, declared);
    }
}
