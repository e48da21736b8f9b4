using System.Text.Json.Nodes;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// Contributes a module's configuration to an exported recipe, as steps its own step handler can read back.
/// Never exports secrets or personal data.
/// </summary>
public interface IRecipeExporter
{
    /// <summary>Lower first; the features step must come before the steps of the modules it enables.</summary>
    int Order { get; }

    Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken);
}

/// <summary>Builds a recipe from the tenant's current configuration, to import into another tenant.</summary>
public sealed class RecipeExportService(IEnumerable<IRecipeExporter> exporters, SiteSettingsService siteSettings, ShellSettings shell, TimeProvider clock)
{
    public async Task<JsonObject> ExportAsync(CancellationToken cancellationToken)
    {
        var steps = new JsonArray();
        foreach (var exporter in exporters.OrderBy(e => e.Order))
        {
            foreach (var step in await exporter.ExportAsync(cancellationToken))
            {
                steps.Add(step);
            }
        }

        var site = await siteSettings.GetAsync(cancellationToken);
        return new JsonObject
        {
            ["name"] = $"export-{shell.Name.ToLowerInvariant()}",
            ["displayName"] = $"Configuration of {site.SiteName}",
            ["description"] = $"Exported from tenant '{shell.Name}' on {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC: features, settings, roles and the modules' configuration. No personal data.",
            ["author"] = site.SiteName,
            ["version"] = clock.GetUtcNow().ToString("yyyyMMdd.HHmm", System.Globalization.CultureInfo.InvariantCulture),
            ["isSetupRecipe"] = true,
            ["categories"] = new JsonArray("export"),
            ["tags"] = new JsonArray(),
            ["variables"] = new JsonObject(),
            ["steps"] = steps,
        };
    }
}

/// <summary>Exports the features that are on, and turns off those that are off, so the importing tenant matches.</summary>
public sealed class FeaturesExporter(FeatureManager featureManager, ShellSettings shell) : IRecipeExporter
{
    public int Order => -1000;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var optional = (await featureManager.GetFeaturesAsync(shell.Name, cancellationToken))
            .Where(f => !f.Feature.IsAlwaysEnabled && !f.Feature.DefaultTenantOnly)
            .ToList();
        return
        [
            new JsonObject
            {
                ["name"] = RecipeExecutor.FeaturesStepName,
                ["disable"] = new JsonArray([.. optional.Where(f => !f.IsEnabled).Select(f => (JsonNode)f.Feature.Id)]),
                ["enable"] = new JsonArray([.. optional.Where(f => f.IsEnabled).Select(f => (JsonNode)f.Feature.Id)]),
            },
        ];
    }
}

public sealed class SettingsExporter(SiteSettingsService siteSettings) : IRecipeExporter
{
    public int Order => -900;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var site = await siteSettings.GetAsync(cancellationToken);
        var settings = new JsonObject { ["name"] = "settings", ["siteName"] = site.SiteName, ["timeZoneId"] = site.TimeZoneId, ["defaultCulture"] = site.DefaultCulture };
        if (site.AccentColor is not null)
        {
            settings["accentColor"] = site.AccentColor;
        }

        if (site.BaseUrl is not null)
        {
            settings["baseUrl"] = site.BaseUrl;
        }

        var steps = new List<JsonObject> { settings };
        var theme = new JsonObject { ["name"] = "theme" };
        if (site.SiteTheme is not null)
        {
            theme["site"] = site.SiteTheme;
        }

        if (site.AdminTheme is not null)
        {
            theme["admin"] = site.AdminTheme;
        }

        if (theme.Count > 1)
        {
            steps.Add(theme);
        }

        return steps;
    }
}
