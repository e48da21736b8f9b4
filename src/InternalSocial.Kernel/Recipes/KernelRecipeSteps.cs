using System.Text.Json.Nodes;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.Recipes;

/// <summary><c>{ "name": "features", "enable": [ids], "disable": [ids] }</c></summary>
public sealed class FeaturesRecipeStep(FeatureCatalog catalog, FeatureManager featureManager, ShellSettings shell, IOptions<RecipeStepPermissions> declared, IStringLocalizer<KernelResources> T) : IRecipeStepHandler
{
    public string StepName => RecipeExecutor.FeaturesStepName;

    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult(declared.Value.For(StepName));

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "enable", "disable");
        if (step.Data["enable"] is null && step.Data["disable"] is null)
        {
            reader.Error("enable", T["give 'enable', 'disable' or both."]);
        }

        foreach (var field in new[] { "enable", "disable" })
        {
            var ids = reader.Texts(step.Data, "", field);
            for (var i = 0; i < ids.Count; i++)
            {
                if (!catalog.TryGet(ids[i], out var feature))
                {
                    reader.Error($"{field}[{i}]", T["unknown feature '{0}'.", ids[i]]);
                }
                else if (field == "enable" && feature.DefaultTenantOnly && !shell.IsDefault)
                {
                    reader.Error($"{field}[{i}]", T["feature '{0}' is for the Default tenant only.", ids[i]]);
                }
                else if (field == "enable" && featureManager.IsSetupOnly(feature))
                {
                    reader.Error($"{field}[{i}]", T["feature '{0}' runs only while an organisation is not set up.", ids[i]]);
                }
                else if (field == "disable" && feature.IsAlwaysEnabled)
                {
                    reader.Error($"{field}[{i}]", T["feature '{0}' is always enabled.", ids[i]]);
                }
            }
        }

        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var disable = RecipeExecutor.FeatureIds(step, "disable").ToList();
        if (disable.Count > 0)
        {
            await featureManager.DisableAsync(shell.Name, disable, cancellationToken);
        }

        var enable = RecipeExecutor.FeatureIds(step, "enable").ToList();
        if (enable.Count > 0)
        {
            await featureManager.EnableAsync(shell.Name, enable, cancellationToken);
        }
    }
}

/// <summary>
/// <c>{ "name": "settings", "siteName": "…", "timeZoneId": "Europe/Paris", "defaultCulture": "fr", "baseUrl": "https://…" }</c>;
/// absent fields keep their value.
/// </summary>
public sealed class SettingsRecipeStep(SiteSettingsService siteSettings, IOptions<RecipeStepPermissions> declared, IStringLocalizer<KernelResources> T) : IRecipeStepHandler
{
    private static readonly string[] Fields = ["siteName", "timeZoneId", "defaultCulture", "accentColor", "baseUrl"];

    public string StepName => "settings";

    /// <summary>Absent fields keep their value, so two settings steps are one with the later fields laid over the earlier.</summary>
    public RecipeStepItems? Items => RecipeStepItems.Overlay(null, "");

    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult(declared.Value.For(StepName));

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(errors);
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", Fields);
        foreach (var field in Fields)
        {
            reader.Text(step.Data, "", field);
        }

        foreach (var (field, problem) in Apply(new SiteSettings(), step.Data).Validate(T))
        {
            if (step.Data[field] is not null)
            {
                reader.Error(field, problem);
            }
        }

        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var current = await siteSettings.GetAsync(cancellationToken);
        await siteSettings.SaveAsync(Apply(current, step.Data), cancellationToken);
    }

    private static SiteSettings Apply(SiteSettings settings, JsonObject data)
    {
        return settings with
        {
            SiteName = RecipeStepReader.TextOf(data, "siteName") ?? settings.SiteName,
            TimeZoneId = RecipeStepReader.TextOf(data, "timeZoneId") ?? settings.TimeZoneId,
            DefaultCulture = RecipeStepReader.TextOf(data, "defaultCulture") ?? settings.DefaultCulture,
            AccentColor = RecipeStepReader.TextOf(data, "accentColor") ?? settings.AccentColor,
            BaseUrl = RecipeStepReader.TextOf(data, "baseUrl") ?? settings.BaseUrl,
        };
    }
}

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
        reader.RejectUnknownFields(step.Data, "", "site", "admin");
        if (step.Data["site"] is null && step.Data["admin"] is null)
        {
            reader.Error("site", T["give 'site', 'admin' or both."]);
        }

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
