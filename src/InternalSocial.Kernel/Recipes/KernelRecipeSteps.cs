using System.Text.Json.Nodes;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.Kernel.Recipes;

/// <summary><c>{ "name": "features", "enable": [ids], "disable": [ids] }</c></summary>
public sealed class FeaturesRecipeStep(FeatureCatalog catalog, FeatureManager featureManager, ShellSettings shell) : IRecipeStepHandler
{
    public string StepName => RecipeExecutor.FeaturesStepName;

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var field in new[] { "enable", "disable" })
        {
            var node = step.Data[field];
            if (node is null)
            {
                continue;
            }

            if (node is not JsonArray array)
            {
                errors.Add(step.Error(field, "must be an array of feature ids."));
                continue;
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonValue value || !value.TryGetValue<string>(out var id))
                {
                    errors.Add(step.Error($"{field}[{i}]", "must be a feature id (a string)."));
                }
                else if (!catalog.TryGet(id, out var feature))
                {
                    errors.Add(step.Error($"{field}[{i}]", $"unknown feature '{id}'."));
                }
                else if (feature.DefaultTenantOnly && !shell.IsDefault && field == "enable")
                {
                    errors.Add(step.Error($"{field}[{i}]", $"feature '{id}' is for the Default tenant only."));
                }
                else if (featureManager.IsSetupOnly(feature) && field == "enable")
                {
                    errors.Add(step.Error($"{field}[{i}]", $"feature '{id}' runs only while an organisation is not set up."));
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

/// <summary><c>{ "name": "settings", "siteName": "…", "timeZoneId": "Europe/Paris", "defaultCulture": "fr" }</c>; absent fields keep their value.</summary>
public sealed class SettingsRecipeStep(SiteSettingsService siteSettings) : IRecipeStepHandler
{
    public string StepName => "settings";

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(errors);
        var known = new[] { "name", "siteName", "timeZoneId", "defaultCulture" };
        foreach (var (key, node) in step.Data)
        {
            if (!known.Contains(key))
            {
                errors.Add(step.Error(key, $"is not a setting; known settings: {string.Join(", ", known.Skip(1))}."));
            }
            else if (key != "name" && (node is not JsonValue value || !value.TryGetValue<string>(out _)))
            {
                errors.Add(step.Error(key, "must be a string."));
            }
        }

        var candidate = Apply(new SiteSettings(), step.Data);
        foreach (var (field, problem) in candidate.Validate())
        {
            if (step.Data[field] is not null)
            {
                errors.Add(step.Error(field, problem));
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
        static string? Text(JsonObject data, string key) => data[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return settings with
        {
            SiteName = Text(data, "siteName") ?? settings.SiteName,
            TimeZoneId = Text(data, "timeZoneId") ?? settings.TimeZoneId,
            DefaultCulture = Text(data, "defaultCulture") ?? settings.DefaultCulture,
        };
    }
}
