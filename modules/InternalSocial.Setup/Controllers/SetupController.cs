using InternalSocial.Kernel;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Setup;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Setup.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
[Route("setup")]
internal sealed class SetupController(SetupService setup, RecipeHarvester harvester, ShellSettings shell, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? token, CancellationToken cancellationToken)
    {
        if (!shell.AcceptsSetupToken(token))
        {
            return NotFound();
        }

        var recipes = await SetupRecipesAsync(cancellationToken);
        return View(new SetupViewModel { Recipes = recipes, Recipe = recipes.Count > 0 ? recipes[0].Name : "", Token = token, BaseUrl = TenantUrls.SuggestAtSetup(Request, shell) });
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(SetupViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!shell.AcceptsSetupToken(model.Token))
        {
            return NotFound();
        }

        model.Recipes = await SetupRecipesAsync(cancellationToken);
        if (model.AdminPassword != model.AdminPasswordConfirmation)
        {
            ModelState.AddModelError(nameof(model.AdminPasswordConfirmation), T["The two passwords differ."]);
            return View(model);
        }

        try
        {
            await setup.SetupAsync(new SetupRequest
            {
                TenantName = shell.Name,
                SiteName = model.SiteName,
                RecipeName = model.Recipe,
                AdminUserName = model.AdminUserName,
                AdminEmail = model.AdminEmail,
                AdminPassword = model.AdminPassword,
                DatabaseProvider = model.Database,
                ConnectionString = model.Database == DatabaseProvider.Postgres ? model.ConnectionString : null,
                BaseUrl = string.IsNullOrWhiteSpace(model.BaseUrl) ? TenantUrls.SuggestAtSetup(Request, shell) : model.BaseUrl,
            }, cancellationToken);
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid, formFields: FormFields);

            return View(model);
        }
        catch (RecipeException invalid)
        {
            ModelState.AddModelError(nameof(model.Recipe), invalid.Message);
            return View(model);
        }

        return LocalRedirect("~/");
    }

    private async Task<IReadOnlyList<Recipe>> SetupRecipesAsync(CancellationToken cancellationToken) =>
        (await harvester.GetAllAsync(cancellationToken)).Where(r => r.IsSetupRecipe).ToList();

    private static readonly string[] FormFields =
    [
        nameof(SetupViewModel.SiteName), nameof(SetupViewModel.Recipe), nameof(SetupViewModel.AdminUserName),
        nameof(SetupViewModel.AdminEmail), nameof(SetupViewModel.AdminPassword), nameof(SetupViewModel.ConnectionString),
        nameof(SetupViewModel.BaseUrl),
    ];
}
