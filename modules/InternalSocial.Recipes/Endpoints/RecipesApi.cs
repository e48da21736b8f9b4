using System.Security.Claims;
using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Recipes.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Recipes.Endpoints;

/// <summary>Either <c>name</c> (a recipe of the recipes folder) or <c>recipe</c> (the recipe itself), with variables.</summary>
internal sealed record RecipeRequest(string? Name, JsonObject? Recipe, Dictionary<string, string>? Variables);

internal sealed record RecipeSummary(string Name, string DisplayName, string Description, bool IsSetupRecipe, IReadOnlyList<string> Categories, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Variables);

internal sealed record PreviewResponse(string Name, IReadOnlyList<string> Steps, IReadOnlyList<string> FeaturesToEnable, IReadOnlyList<string> FeaturesToDisable);

/// <summary><c>/api/v1/recipes</c>.</summary>
internal static class RecipesApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var recipes = endpoints.MapApiGroup("recipes", "Recipes").RequireAuthorization();
        recipes.MapGet("", async (ClaimsPrincipal user, RecipesService service, CancellationToken cancellationToken) =>
                TypedResults.Ok((await service.ListAsync(user, cancellationToken))
                    .Select(r => new RecipeSummary(r.Name, r.DisplayName, r.Description, r.IsSetupRecipe, r.Categories, r.Tags, r.Variables))))
            .WithSummary("The recipes of the recipes folder.");
        recipes.MapPost("/validate", async (RecipeRequest? request, ClaimsPrincipal user, RecipesService service, CancellationToken cancellationToken) =>
            {
                var recipe = await LoadAsync(request, user, service, cancellationToken);
                var preview = await service.PreviewAsync(user, recipe, request!.Variables, cancellationToken);
                return TypedResults.Ok(new PreviewResponse(
                    recipe.Name,
                    [.. preview.Steps.Select(s => $"{s.Recipe.FileName} step {s.Index + 1}: {s.Name}")],
                    preview.FeaturesToEnable,
                    preview.FeaturesToDisable));
            })
            .WithSummary("Check a recipe and show what it would change, without applying it. 400 lists every problem.");
        recipes.MapPost("/run", async (RecipeRequest? request, ClaimsPrincipal user, RecipesService service, CancellationToken cancellationToken) =>
            {
                var recipe = await LoadAsync(request, user, service, cancellationToken);
                return TypedResults.Ok(await service.RunAsync(user, recipe, request!.Variables, cancellationToken));
            })
            .WithSummary("Validate, then apply a recipe. 400 when it is invalid or a step fails; then nothing is changed.");
        recipes.MapGet("/runs", async (ClaimsPrincipal user, RecipesService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.HistoryAsync(user, cancellationToken)))
            .WithSummary("The recipes run in this tenant, newest first: when, by whom, with which variables, and how it ended.");
        recipes.MapGet("/export", async (ClaimsPrincipal user, RecipesService service, CancellationToken cancellationToken) =>
                TypedResults.Json(await service.ExportAsync(user, cancellationToken), contentType: "application/json"))
            .WithSummary("The tenant's configuration as a recipe (features, settings, roles, modules' configuration; no personal data).");
    }

    private static Task<Recipe> LoadAsync(RecipeRequest? request, ClaimsPrincipal user, RecipesService service, CancellationToken cancellationToken) =>
        request is null
            ? throw InvalidInputException.BodyRequired("{name | recipe, variables}")
            : service.LoadAsync(user, request.Name, request.Recipe?.ToJsonString(), cancellationToken);
}
