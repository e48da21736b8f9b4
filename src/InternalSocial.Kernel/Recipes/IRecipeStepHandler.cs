using System.Text.Json.Nodes;

namespace InternalSocial.Kernel.Recipes;

/// <summary>A recipe step as a handler receives it, variables already substituted.</summary>
public sealed record RecipeStep(Recipe Recipe, int Index, string Name, JsonObject Data)
{
    public RecipeError Error(string field, string problem) => new(Recipe.FileName, Index, Name, field, problem);
}

/// <summary>
/// Applies one kind of recipe step. Modules register theirs in their startup. Execution must be an upsert on a
/// stable key, so that running a recipe twice gives the same state as running it once.
/// </summary>
public interface IRecipeStepHandler
{
    string StepName { get; }

    /// <summary>Checks the step without changing anything; adds one error per bad field.</summary>
    Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken);

    Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken);
}

/// <summary>
/// What a step handler may ask while a recipe is validated. Validation runs in a preview of the shell the tenant will
/// have, before the recipe turns anything on: the tables of a feature the same recipe enables do not exist yet, so a
/// handler must not query them (nothing can clash with rows that do not exist).
/// </summary>
public sealed class RecipeValidationContext
{
    private IReadOnlySet<string> _newFeatureIds = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Features the recipe enables that are off in the tenant now.</summary>
    public IReadOnlySet<string> NewFeatureIds
    {
        get => _newFeatureIds;
        internal set => _newFeatureIds = value;
    }

    public bool IsNew(string featureId) => _newFeatureIds.Contains(featureId);
}
