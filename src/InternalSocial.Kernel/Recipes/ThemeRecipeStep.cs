using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// <c>{ "name": "theme", "site": "…Themes.X", "admin": "…Themes.Y" }</c>: the themes of the employee site and of the
/// administration. A theme must be enabled, by this recipe's <c>features</c> steps or before.
/// </summary>
public sealed class ThemeRecipeStep(FeatureCatalog catalog, ShellFeatures enabled, SiteSettingsService siteSettings, IOptions<RecipeStepPermissions> declared, IStringLocalizer<KernelResources> T) : IRecipeStepHandler
{
    public string StepName => "theme";

    /// <summary>As settings: absent fields keep their value.</summary>
    public RecipeStepItems? Items => RecipeStepItems.Overlay(null, "");

    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult(declared.Value.For(StepName));

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, errors);
        reader.RequireEither(step.Data, "site", "admin");

        foreach (var field in new[] { "site", "admin" })
        {
            var id = reader.Text(step.Data, "", field);
            if (id is null)
            {
                continue;
            }

            if (!catalog.TryGet(id, out var feature) || !feature.IsTheme)
            {
                reader.Error(field, T["'{0}' is not a theme; themes: {1}.", id, string.Join(", ", catalog.Features.Where(f => f.IsTheme).Select(f => f.Id))]);
            }
            else if (field == "site" && feature.IsAdminTheme)
            {
                reader.Error(field, T["'{0}' is a theme for the administration only; use it as 'admin'.", id]);
            }
            else if (!enabled.IsEnabled(id))
            {
                reader.Error(field, T["theme '{0}' is not enabled; enable it in a 'features' step.", id]);
            }
        }

        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var current = await siteSettings.GetAsync(cancellationToken);
        await siteSettings.SaveAsync(current with
        {
            SiteTheme = RecipeStepReader.TextOf(step.Data, "site") ?? current.SiteTheme,
            AdminTheme = RecipeStepReader.TextOf(step.Data, "admin") ?? current.AdminTheme,
        }, cancellationToken);
    }
}
