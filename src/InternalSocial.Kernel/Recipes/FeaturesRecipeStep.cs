using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Security;
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
        reader.RequireEither(step.Data, "enable", "disable");

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
