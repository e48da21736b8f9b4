using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// Runs a recipe in a tenant: substitutes variables, validates every step against the features the tenant will
/// have once the recipe's feature steps ran, and only then executes the steps in order, each in a new scope of the
/// tenant's current shell (so steps after a feature step see the rebuilt container).
/// </summary>
public sealed partial class RecipeExecutor(ShellHost shellHost, ShellContainerFactory containerFactory, ILogger<RecipeExecutor> logger)
{
    public const string FeaturesStepName = "features";

    public async Task RunAsync(string tenantName, Recipe recipe, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        var steps = await ValidateAsync(tenantName, recipe, variables, cancellationToken);
        foreach (var step in steps)
        {
            var shell = await shellHost.GetOrCreateShellAsync(tenantName, cancellationToken);
            await shell.InScopeAsync(async services =>
            {
                var handler = services.GetServices<IRecipeStepHandler>().First(h => h.StepName == step.Name);
                await handler.ExecuteAsync(step, cancellationToken);
            });
        }

        logger.LogInformation("Tenant {Tenant}: recipe {Recipe} applied ({StepCount} steps).", tenantName, recipe.Name, steps.Count);
    }

    /// <summary>Checks the whole recipe without applying anything; throws <see cref="RecipeException"/> listing every problem.</summary>
    public async Task<IReadOnlyList<RecipeStep>> ValidateAsync(string tenantName, Recipe recipe, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var errors = new List<RecipeError>();
        var values = new Dictionary<string, string>(recipe.Variables, StringComparer.Ordinal);
        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var steps = recipe.Steps.Select((data, index) =>
        {
            var name = data["name"]!.GetValue<string>();
            var step = new RecipeStep(recipe, index, name, (JsonObject)Substitute(data.DeepClone(), values, recipe, index, name, "", errors)!);
            return step;
        }).ToList();

        var settings = shellHost.Get(tenantName) with { State = TenantState.Running };
        var current = shellHost.GetCurrentShell(tenantName)?.Features.Select(f => f.Id) ?? [];
        var enabledByRecipe = steps.Where(s => s.Name == FeaturesStepName).SelectMany(s => FeatureIds(s, "enable"));
        IReadOnlyList<Modules.FeatureInfo> features;
        try
        {
            features = shellHost.ResolveFeatures(settings, current.Concat(enabledByRecipe));
        }
        catch (Modules.UnknownFeatureException)
        {
            // The features step reports the unknown id with its field; validate against the current features meanwhile.
            features = shellHost.ResolveFeatures(settings, current);
        }

        await using (var preview = containerFactory.Create(settings, features))
        {
            await preview.InScopeAsync(async services =>
            {
                var handlers = services.GetServices<IRecipeStepHandler>().ToDictionary(h => h.StepName, StringComparer.Ordinal);
                foreach (var step in steps)
                {
                    if (handlers.TryGetValue(step.Name, out var handler))
                    {
                        await handler.ValidateAsync(step, errors, cancellationToken);
                    }
                    else
                    {
                        errors.Add(step.Error("name", $"Unknown step '{step.Name}'. Known steps: {string.Join(", ", handlers.Keys.Order(StringComparer.Ordinal))}."));
                    }
                }
            });
        }

        return errors.Count > 0 ? throw new RecipeException(errors) : steps;
    }

    /// <summary>The string ids listed under <paramref name="field"/> of a step; ignores malformed entries (validation reports them).</summary>
    public static IEnumerable<string> FeatureIds(RecipeStep step, string field) =>
        step.Data[field] is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()
            : [];

    private static JsonNode? Substitute(JsonNode? node, IReadOnlyDictionary<string, string> values, Recipe recipe, int index, string stepName, string path, List<RecipeError> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Substitute(obj[key]?.DeepClone(), values, recipe, index, stepName, path.Length == 0 ? key : $"{path}.{key}", errors);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Substitute(array[i]?.DeepClone(), values, recipe, index, stepName, $"{path}[{i}]", errors);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("{{", StringComparison.Ordinal):
                var result = VariablePattern().Replace(text, match =>
                {
                    var name = match.Groups[1].Value;
                    if (values.TryGetValue(name, out var replacement))
                    {
                        return replacement;
                    }

                    errors.Add(new RecipeError(recipe.FileName, index, stepName, path, $"uses the undefined variable '{name}'."));
                    return match.Value;
                });
                return JsonValue.Create(result);
            default:
                return node;
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex VariablePattern();
}
