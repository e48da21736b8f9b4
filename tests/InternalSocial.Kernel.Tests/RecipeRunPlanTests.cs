using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;

namespace InternalSocial.Kernel.Tests;

public sealed class RecipeRunPlanTests
{
    private sealed class Keyed(string name, RecipeStepItems? items) : IRecipeStepHandler
    {
        public string StepName => name;

        public RecipeStepItems? Items => items;

        public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static readonly IRecipeStepHandler[] Handlers =
    [
        new Keyed("workflows", RecipeStepItems.Replace("workflows", "id")),
        new Keyed("settings", RecipeStepItems.Overlay(null, "")),
        new Keyed("notes", null),
    ];

    private static List<RecipeStep> Steps(string json)
    {
        var recipe = Recipe.Parse(json, "plan.recipe.json");
        return [.. recipe.Steps.Select((data, i) => new RecipeStep(recipe, i, data["name"]!.GetValue<string>(), data))];
    }

    [Fact]
    public void A_key_defined_twice_is_applied_once_with_the_last_definition_where_it_first_appears()
    {
        var steps = Steps("""
            { "name": "p", "steps": [
              { "name": "workflows", "workflows": [ { "id": "a", "v": 1 }, { "id": "b", "v": 1 } ] },
              { "name": "notes", "text": "between" },
              { "name": "workflows", "workflows": [ { "id": "a", "v": 2 } ] } ] }
            """);

        var plan = RecipeRunPlan.OneDefinitionPerKey(steps, Handlers);

        Assert.Equal(["workflows", "notes"], plan.Select(s => s.Name));
        Assert.Equal("""[{"id":"a","v":2},{"id":"b","v":1}]""", plan[0].Data["workflows"]!.ToJsonString());
        // The steps as validated are left as the recipe wrote them.
        Assert.Equal(1, steps[0].Data["workflows"]![0]!["v"]!.GetValue<int>());
    }

    [Fact]
    public void Whole_step_definitions_lay_the_later_fields_over_the_earlier()
    {
        var steps = Steps("""
            { "name": "p", "steps": [
              { "name": "settings", "timeZoneId": "UTC", "siteName": "A" },
              { "name": "notes", "text": "kept" },
              { "name": "settings", "siteName": "B" },
              { "name": "notes", "text": "kept too" } ] }
            """);

        var plan = RecipeRunPlan.OneDefinitionPerKey(steps, Handlers);

        Assert.Equal(["settings", "notes", "notes"], plan.Select(s => s.Name));
        Assert.Equal("""{"name":"settings","timeZoneId":"UTC","siteName":"B"}""", plan[0].Data.ToJsonString());
    }

    [Fact]
    public void Definitions_that_do_not_merge_are_both_applied_in_order()
    {
        var handlers = new IRecipeStepHandler[] { new Keyed("roles", new RecipeStepItems("roles", "name", (_, _) => null)) };
        var steps = Steps("""
            { "name": "p", "steps": [
              { "name": "roles", "roles": [ { "name": "R", "permissions": ["x"] } ] },
              { "name": "roles", "roles": [ { "name": "R", "permissions": ["y"], "behavior": "add" } ] } ] }
            """);

        var plan = RecipeRunPlan.OneDefinitionPerKey(steps, handlers);

        Assert.Equal(2, plan.Count);
        Assert.Equal(steps[1].Data.ToJsonString(), plan[1].Data.ToJsonString());
    }

    [Fact]
    public void Overlay_merges_nested_objects_field_by_field()
    {
        var merged = RecipeStepItems.Overlaid(
            JsonNode.Parse("""{ "slug": "g", "name": "G", "modules": { "polls": false, "files": true } }""")!.AsObject(),
            JsonNode.Parse("""{ "slug": "g", "modules": { "polls": true } }""")!.AsObject());

        Assert.Equal("""{"slug":"g","name":"G","modules":{"polls":true,"files":true}}""", merged.ToJsonString());
    }
}
