using System.Text.Json.Nodes;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.Recipes;

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
