using System.Text.Json.Nodes;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// Runs a recipe in a tenant: substitutes variables, inlines included recipes, validates every step against the
/// features the tenant will have once the recipe's feature steps ran, and only then applies it. Feature steps run
/// first, each rebuilding the shell; all other steps then run in one database transaction, each in a new scope of
/// the rebuilt shell, with one definition per key (<see cref="RecipeRunPlan"/>). If any step fails, the transaction is rolled back and the feature changes are reverted.
/// Every run, successful or not, is recorded in the tenant.
/// </summary>
public sealed class RecipeExecutor(
    ShellHost shellHost,
    ShellContainerFactory containerFactory,
    FeatureManager featureManager,
    RecipeHarvester harvester,
    AppDataFolder appData,
    TimeProvider clock,
    IStringLocalizer<KernelResources> T,
    ILogger<RecipeExecutor> logger)
{
    public const string FeaturesStepName = "features";
    public const string IncludeStepName = "recipes";

    /// <summary>Validates the recipe, checks that <paramref name="runner"/> may run every step, then applies it.</summary>
    /// <exception cref="RecipeException">The recipe is invalid; nothing was applied.</exception>
    /// <exception cref="RecipeDeniedException">The runner lacks what some steps require; nothing was applied.</exception>
    /// <exception cref="RecipeStepFailedException">A step failed; everything was undone.</exception>
    public async Task<RecipeRunResult> RunAsync(string tenantName, Recipe recipe, IReadOnlyDictionary<string, string>? variables, RecipeRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(runner);
        var ranBy = runner.Name;
        var settings = shellHost.Get(tenantName);
        var database = new TenantDatabase(settings, appData);
        var steps = await ValidateOrRecordAsync(database, tenantName, recipe, variables, runner, cancellationToken);
        var before = await EnabledFeaturesAsync(tenantName, cancellationToken);
        RecipeStep? current = null;
        try
        {
            foreach (var step in steps.Where(s => s.Name == FeaturesStepName))
            {
                current = step;
                await ExecuteAsync(tenantName, step, cancellationToken);
            }

            // Build (and migrate) the final shell before the transaction: SQLite takes the write lock when it begins.
            var shell = await shellHost.GetOrCreateShellAsync(tenantName, cancellationToken);
            var dataSteps = await shell.InScopeAsync(services => Task.FromResult(RecipeRunPlan.OneDefinitionPerKey(
                [.. steps.Where(s => s.Name != FeaturesStepName)], services.GetServices<IRecipeStepHandler>())));
            await using var transaction = await AmbientTransaction.BeginAsync(database, cancellationToken);
            using (transaction.Activate())
            {
                foreach (var step in dataSteps)
                {
                    current = step;
                    await ExecuteAsync(tenantName, step, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (Exception exception) when (current is not null)
        {
            logger.LogError(exception, "Tenant {Tenant}: recipe {Recipe} failed at step {Step}; undoing it.", tenantName, recipe.Name, current.Index + 1);
            await RestoreFeaturesAsync(tenantName, before);
            // A fresh container: no cache keeps what the rolled-back transaction had written.
            await shellHost.ChangeTenantAsync(tenantName, () => shellHost.ReloadShellAsync(tenantName, CancellationToken.None), CancellationToken.None);
            var failure = new RecipeStepFailedException(current, exception);
            await RecipeRunHistory.RecordAsync(database, recipe, variables, ranBy, clock.GetUtcNow().UtcDateTime, failure.Message, CancellationToken.None);
            throw failure;
        }

        await RecipeRunHistory.RecordAsync(database, recipe, variables, ranBy, clock.GetUtcNow().UtcDateTime, error: null, cancellationToken);
        var after = await EnabledFeaturesAsync(tenantName, cancellationToken);
        logger.LogInformation("Tenant {Tenant}: recipe {Recipe} applied ({StepCount} steps) by {RanBy}.", tenantName, recipe.Name, steps.Count, ranBy);
        return new RecipeRunResult(steps.Count, [.. after.Except(before)], [.. before.Except(after)]);
    }

    /// <summary>A refused recipe is part of the run history too.</summary>
    private async Task<IReadOnlyList<RecipeStep>> ValidateOrRecordAsync(TenantDatabase database, string tenantName, Recipe recipe, IReadOnlyDictionary<string, string>? variables, RecipeRunner runner, CancellationToken cancellationToken)
    {
        try
        {
            return await ValidateAsync(tenantName, recipe, variables, runner, cancellationToken);
        }
        catch (Exception refused) when (refused is RecipeException or RecipeDeniedException)
        {
            await RecipeRunHistory.RecordAsync(database, recipe, variables, runner.Name, clock.GetUtcNow().UtcDateTime, refused.Message, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Checks the recipe's contents without applying anything; throws <see cref="RecipeException"/> listing every
    /// problem. Who may run it is not checked here: see the overload with a <see cref="RecipeRunner"/>.
    /// </summary>
    public Task<IReadOnlyList<RecipeStep>> ValidateAsync(string tenantName, Recipe recipe, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken) =>
        ValidateAsync(tenantName, recipe, variables, RecipeRunner.HostOperator("validation"), cancellationToken);

    /// <summary>
    /// Checks the whole recipe without applying anything: for a person, that they hold what each step requires
    /// (<see cref="RecipeDeniedException"/>), then its contents (<see cref="RecipeException"/> listing every problem).
    /// </summary>
    public async Task<IReadOnlyList<RecipeStep>> ValidateAsync(string tenantName, Recipe recipe, IReadOnlyDictionary<string, string>? variables, RecipeRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(runner);
        IReadOnlyList<RecipeError> denials = [];
        var errors = new List<RecipeError>();
        var values = new Dictionary<string, string>(recipe.Variables, StringComparer.Ordinal);
        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var steps = await ExpandAsync(recipe, values, errors, [recipe.Name], cancellationToken);
        var settings = shellHost.Get(tenantName) with { State = TenantState.Running };
        var current = await EnabledFeaturesAsync(tenantName, cancellationToken);
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

        // Steps are checked by the handlers of the shell the tenant will have, so a step of a module that the
        // recipe enables is known.
        await using (var preview = containerFactory.Create(settings, features))
        {
            await preview.InScopeAsync(async services =>
            {
                services.GetRequiredService<RecipeValidationContext>().NewFeatureIds =
                    features.Select(f => f.Id).Where(id => !current.Contains(id)).ToHashSet(StringComparer.Ordinal);
                denials = await CheckStepsAsync(services, steps, runner, errors, cancellationToken);
            });
        }

        return denials.Count > 0 ? throw new RecipeDeniedException(denials)
            : errors.Count > 0 ? throw new RecipeException(errors)
            : steps;
    }

    /// <summary>In the preview's scope: the person's rights for every step, then, if they hold them, each step's contents.</summary>
    /// <returns>The steps the person may not run; <paramref name="errors"/> gets the contents' problems.</returns>
    private async Task<IReadOnlyList<RecipeError>> CheckStepsAsync(IServiceProvider services, List<RecipeStep> steps, RecipeRunner runner, List<RecipeError> errors, CancellationToken cancellationToken)
    {
        var handlers = services.GetServices<IRecipeStepHandler>().ToDictionary(h => h.StepName, StringComparer.Ordinal);
        // Rights first: someone who may not run the recipe learns nothing from its validation (which accounts or
        // groups exist, what a provider answers).
        if (runner.Person is { } person)
        {
            var denials = await RecipeRights.DenialsAsync(services, [.. steps.Where(s => handlers.ContainsKey(s.Name))], handlers, person, T, cancellationToken);
            if (denials.Count > 0)
            {
                return denials;
            }
        }

        foreach (var step in steps)
        {
            if (handlers.TryGetValue(step.Name, out var handler))
            {
                await handler.ValidateAsync(step, errors, cancellationToken);
            }
            else
            {
                var known = handlers.Keys.Append(IncludeStepName).Order(StringComparer.Ordinal);
                errors.Add(step.Error("name", T["Unknown step '{0}'. Known steps: {1}.", step.Name, string.Join(", ", known)]));
            }
        }

        return [];
    }

    /// <summary>The string ids listed under <paramref name="field"/> of a step; ignores malformed entries (validation reports them).</summary>
    public static IEnumerable<string> FeatureIds(RecipeStep step, string field)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Data[field] is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()
            : [];
    }

    public async Task<IReadOnlyList<RecipeRun>> RunsAsync(string tenantName, int take, CancellationToken cancellationToken)
    {
        await using var db = KernelDbContext.Create(new TenantDatabase(shellHost.Get(tenantName), appData));
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.RecipeRuns.OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 500)), cancellationToken);
    }

    private async Task<List<RecipeStep>> ExpandAsync(Recipe recipe, IReadOnlyDictionary<string, string> values, List<RecipeError> errors, List<string> chain, CancellationToken cancellationToken)
    {
        var steps = new List<RecipeStep>();
        for (var index = 0; index < recipe.Steps.Count; index++)
        {
            var data = recipe.Steps[index];
            var name = data["name"]!.GetValue<string>();
            var step = new RecipeStep(recipe, index, name, (JsonObject)RecipeVariables.Substitute(data.DeepClone(), values, recipe, index, name, "", errors, T)!);
            if (name != IncludeStepName)
            {
                steps.Add(step);
                continue;
            }

            var reader = new RecipeStepReader(step, errors);
            reader.RejectUnknownFields(step.Data, "", "recipes");
            var included = reader.Texts(step.Data, "", "recipes", required: true);
            for (var i = 0; i < included.Count; i++)
            {
                if (chain.Contains(included[i], StringComparer.OrdinalIgnoreCase))
                {
                    reader.Error($"recipes[{i}]", T["includes '{0}', which includes this recipe: {1}.", included[i], string.Join(" -> ", chain.Append(included[i]))]);
                    continue;
                }

                var child = await harvester.FindAsync(included[i], cancellationToken);
                if (child is null)
                {
                    reader.Error($"recipes[{i}]", T["no recipe named '{0}' in the recipes folder.", included[i]]);
                    continue;
                }

                // The including recipe's values win over the included recipe's defaults.
                var childValues = new Dictionary<string, string>(child.Variables, StringComparer.Ordinal);
                foreach (var (key, value) in values)
                {
                    childValues[key] = value;
                }

                steps.AddRange(await ExpandAsync(child, childValues, errors, [.. chain, child.Name], cancellationToken));
            }
        }

        return steps;
    }

    private async Task ExecuteAsync(string tenantName, RecipeStep step, CancellationToken cancellationToken)
    {
        var shell = await shellHost.GetOrCreateShellAsync(tenantName, cancellationToken);
        await shell.InScopeAsync(async services =>
        {
            var handler = services.GetServices<IRecipeStepHandler>().First(h => h.StepName == step.Name);
            await handler.ExecuteAsync(step, cancellationToken);
        });
    }

    private async Task<HashSet<string>> EnabledFeaturesAsync(string tenantName, CancellationToken cancellationToken) =>
        (await featureManager.GetFeaturesAsync(tenantName, cancellationToken)).Where(f => f.IsEnabled).Select(f => f.Feature.Id).ToHashSet(StringComparer.Ordinal);

    private async Task RestoreFeaturesAsync(string tenantName, HashSet<string> before)
    {
        try
        {
            var now = await EnabledFeaturesAsync(tenantName, CancellationToken.None);
            var added = now.Except(before).ToList();
            if (added.Count > 0)
            {
                await featureManager.DisableAsync(tenantName, added, CancellationToken.None);
            }

            var removed = before.Except(now).ToList();
            if (removed.Count > 0)
            {
                await featureManager.EnableAsync(tenantName, removed, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is ConflictException or Data.MigrationFailedException)
        {
            logger.LogError(exception, "Tenant {Tenant}: the features changed by a failed recipe could not all be restored.", tenantName);
        }
    }
}
