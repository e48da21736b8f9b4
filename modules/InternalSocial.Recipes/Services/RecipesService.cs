using System.Security.Claims;
using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Recipes.Services;

/// <summary>What a recipe would change, shown before it is applied.</summary>
internal sealed record RecipePreview(Recipe Recipe, IReadOnlyList<RecipeStep> Steps, IReadOnlyList<string> FeaturesToEnable, IReadOnlyList<string> FeaturesToDisable);

/// <summary>Recipes for the tenant's administrators: every call checks the permission, then uses the kernel's engine.</summary>
internal sealed class RecipesService(
    RecipeHarvester harvester,
    RecipeExecutor executor,
    RecipeExportService exporter,
    FeatureManager features,
    ShellSettings shell,
    IAuthorizationService authorization,
    IStringLocalizer<ModuleResources> T)
{
    /// <summary>Uploaded recipes larger than this are refused: organisation recipes are a few kilobytes.</summary>
    public const int MaxRecipeBytes = 1024 * 1024;

    public async Task<IReadOnlyList<Recipe>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.RunRecipes);
        return await harvester.GetAllAsync(cancellationToken);
    }

    /// <summary>A recipe of the recipes folder by name, or one given as JSON text.</summary>
    public async Task<Recipe> LoadAsync(ClaimsPrincipal user, string? name, string? json, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.RunRecipes);
        if (!string.IsNullOrWhiteSpace(json))
        {
            return json.Length > MaxRecipeBytes
                ? throw new InvalidInputException("recipe", T["The recipe is larger than {0} KB.", MaxRecipeBytes / 1024])
                : Recipe.Parse(json, "uploaded.recipe.json");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidInputException("name", T["Give the name of a recipe of the recipes folder, or the recipe itself."]);
        }

        return await harvester.FindAsync(name, cancellationToken)
            ?? throw new InvalidInputException("name", T["No recipe named '{0}' in the recipes folder.", name]);
    }

    public async Task<RecipePreview> PreviewAsync(ClaimsPrincipal user, Recipe recipe, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        await authorization.EnsurePermissionAsync(user, Permissions.RunRecipes);
        var steps = await executor.ValidateAsync(shell.Name, recipe, variables, RecipeRunner.ForPerson(user), cancellationToken);
        var enabled = (await features.GetFeaturesAsync(shell.Name, cancellationToken)).Where(f => f.IsEnabled).Select(f => f.Feature.Id).ToHashSet(StringComparer.Ordinal);
        var featureSteps = steps.Where(s => s.Name == RecipeExecutor.FeaturesStepName).ToList();
        return new RecipePreview(
            recipe,
            steps,
            [.. featureSteps.SelectMany(s => RecipeExecutor.FeatureIds(s, "enable")).Where(id => !enabled.Contains(id)).Distinct()],
            [.. featureSteps.SelectMany(s => RecipeExecutor.FeatureIds(s, "disable")).Where(enabled.Contains).Distinct()]);
    }

    public async Task<RecipeRunResult> RunAsync(ClaimsPrincipal user, Recipe recipe, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await authorization.EnsurePermissionAsync(user, Permissions.RunRecipes);
        // Checked step by step: a recipe does nothing its runner could not do by hand (RecipeDeniedException otherwise).
        return await executor.RunAsync(shell.Name, recipe, variables, RecipeRunner.ForPerson(user), cancellationToken);
    }

    public async Task<IReadOnlyList<RecipeRun>> HistoryAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.RunRecipes);
        return await executor.RunsAsync(shell.Name, 100, cancellationToken);
    }

    public async Task<JsonObject> ExportAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ExportConfiguration);
        return await exporter.ExportAsync(cancellationToken);
    }
}
