using System.Text;
using System.Text.Json;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Recipes.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Recipes.Controllers;

internal sealed record RecipesIndexViewModel(IReadOnlyList<Recipe> Recipes, IReadOnlyList<Kernel.Data.RecipeRun> Runs, bool CanExport);

/// <param name="Json">The uploaded recipe's text, carried from the preview to the run; null for a recipe of the folder.</param>
internal sealed record RecipePreviewViewModel(Recipe? Recipe, string? Json, RecipePreview? Preview, IReadOnlyList<RecipeError> Errors, string? Failure);

[ApiExplorerSettings(IgnoreApi = true)]
[Route("admin/recipes")]
[RequirePermission("Recipes.Run")]
internal sealed class RecipesController(RecipesService recipes, Microsoft.AspNetCore.Authorization.IAuthorizationService authorization, IStringLocalizer<ModuleResources> T) : Controller
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new RecipesIndexViewModel(
            await recipes.ListAsync(User, cancellationToken),
            await recipes.HistoryAsync(User, cancellationToken),
            await authorization.HasPermissionAsync(User, Permissions.ExportConfiguration)));

    [HttpGet("preview")]
    public Task<IActionResult> Preview(string name, CancellationToken cancellationToken) => PreviewAsync(name, json: null, cancellationToken);

    [HttpPost("upload")]
    [RequestSizeLimit(RecipesService.MaxRecipeBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            TempData["Error"] = T["Choose a .recipe.json file to upload."].Value;
            return RedirectToAction(nameof(Index));
        }

        if (file.Length > RecipesService.MaxRecipeBytes)
        {
            TempData["Error"] = T["The file is larger than {0} KB.", RecipesService.MaxRecipeBytes / 1024].Value;
            return RedirectToAction(nameof(Index));
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        return await PreviewAsync(name: null, await reader.ReadToEndAsync(cancellationToken), cancellationToken);
    }

    [HttpPost("run")]
    public async Task<IActionResult> Run(string? name, string? json, CancellationToken cancellationToken)
    {
        var variables = Request.Form.Keys.Where(k => k.StartsWith("var.", StringComparison.Ordinal))
            .ToDictionary(k => k["var.".Length..], k => Request.Form[k].ToString(), StringComparer.Ordinal);
        Recipe? recipe = null;
        try
        {
            recipe = await recipes.LoadAsync(User, name, json, cancellationToken);
            var result = await recipes.RunAsync(User, recipe, variables, cancellationToken);
            TempData["Message"] = T.Plural(result.StepCount, "Recipe '{1}' applied: {0} step; features turned on: {2}; turned off: {3}.",
                "Recipe '{1}' applied: {0} steps; features turned on: {2}; turned off: {3}.", recipe.Name, string.Join(", ", result.EnabledFeatures), string.Join(", ", result.DisabledFeatures)).Value;
            return RedirectToAction(nameof(Index));
        }
        catch (RecipeException invalid)
        {
            return View("Preview", new RecipePreviewViewModel(recipe, json, null, invalid.Errors, null));
        }
        catch (RecipeDeniedException denied)
        {
            return Denied(recipe, json, denied);
        }
        catch (RecipeStepFailedException failed)
        {
            return View("Preview", new RecipePreviewViewModel(recipe, json, null, [], failed.Message));
        }
        catch (InvalidInputException invalid)
        {
            TempData["Error"] = invalid.Message;
            return RedirectToAction(nameof(Index));
        }
    }

    [HttpGet("export")]
    [RequirePermission("Recipes.Export")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var recipe = await recipes.ExportAsync(User, cancellationToken);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(recipe, Indented);
        return File(bytes, "application/json", $"{recipe["name"]}.recipe.json");
    }

    private async Task<IActionResult> PreviewAsync(string? name, string? json, CancellationToken cancellationToken)
    {
        Recipe? recipe = null;
        try
        {
            recipe = await recipes.LoadAsync(User, name, json, cancellationToken);
            return View("Preview", new RecipePreviewViewModel(recipe, json, await recipes.PreviewAsync(User, recipe, null, cancellationToken), [], null));
        }
        catch (RecipeException invalid)
        {
            return View("Preview", new RecipePreviewViewModel(recipe, json, null, invalid.Errors, null));
        }
        catch (RecipeDeniedException denied)
        {
            return Denied(recipe, json, denied);
        }
        catch (InvalidInputException invalid)
        {
            TempData["Error"] = invalid.Message;
            return RedirectToAction(nameof(Index));
        }
    }

    /// <summary>The preview, listing each step the person may not run, answered as 403 like the API.</summary>
    private ViewResult Denied(Recipe? recipe, string? json, RecipeDeniedException denied)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Preview", new RecipePreviewViewModel(recipe, json, null, denied.Denials, null));
    }
}
