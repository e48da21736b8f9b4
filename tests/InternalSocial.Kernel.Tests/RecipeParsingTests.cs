using InternalSocial.Kernel.Recipes;

namespace InternalSocial.Kernel.Tests;

public sealed class RecipeParsingTests
{
    [Fact]
    public void A_valid_recipe_keeps_its_header_variables_and_steps()
    {
        var recipe = Recipe.Parse("""
            { "name": "acme", "displayName": "Acme", "isSetupRecipe": true, "tags": ["x"],
              "variables": { "tz": "Europe/Paris" },
              "steps": [ { "name": "features", "enable": ["A"] }, { "name": "settings", "timeZoneId": "{{tz}}" } ] }
            """, "acme.recipe.json");

        Assert.Equal("acme", recipe.Name);
        Assert.True(recipe.IsSetupRecipe);
        Assert.Equal("Europe/Paris", recipe.Variables["tz"]);
        Assert.Equal(2, recipe.Steps.Count);
    }

    [Fact]
    public void Malformed_json_names_the_file()
    {
        var error = Assert.Throws<RecipeException>(() => Recipe.Parse("{ \"name\": ", "broken.recipe.json"));

        Assert.Contains("broken.recipe.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_header_problem_is_reported_at_once()
    {
        var error = Assert.Throws<RecipeException>(() => Recipe.Parse("""{ "isSetupRecipe": "yes", "steps": [ { "enable": [] } ] }""", "bad.recipe.json"));

        Assert.Contains(error.Errors, e => e.Field == "name" && e.Problem.Contains("required", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "isSetupRecipe");
        Assert.Contains(error.Errors, e => e.StepIndex == 0 && e.Field == "name");
        Assert.Contains("step 1", error.Message, StringComparison.Ordinal);
    }
}
