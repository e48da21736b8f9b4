using System.Text.Json.Nodes;
using InternalSocial.Kernel.Security;

namespace InternalSocial.Kernel.Recipes;

/// <summary>A recipe step as a handler receives it, variables already substituted.</summary>
public sealed record RecipeStep(Recipe Recipe, int Index, string Name, JsonObject Data)
{
    public RecipeError Error(string field, string problem) => new(Recipe.FileName, Index, Name, field, problem);
}

/// <summary>
/// Applies one kind of recipe step. Modules register theirs in their startup. Execution must be an upsert on a
/// stable key that compares with what is stored and saves nothing (no new version, row, event or audit entry) when it
/// is equal, so that running a recipe twice gives the same state as running it once and the second run changes nothing.
/// </summary>
public interface IRecipeStepHandler
{
    string StepName { get; }

    /// <summary>Checks the step without changing anything; adds one error per bad field.</summary>
    Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken);

    Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken);

    /// <summary>
    /// How the step's definitions are keyed, so that a run saves one definition per key however often the recipe and
    /// those it includes define it (<see cref="RecipeRunPlan"/>). The default, null, applies every step as written: right
    /// for steps without keys (features, sample content), whose every run must still change nothing when equal.
    /// </summary>
    RecipeStepItems? Items => null;

    /// <summary>
    /// What a person running the recipe must hold for this step: what its page or API would ask for the same change,
    /// and never less than what the step hands out (a step that grants permissions requires them). Called in the
    /// preview of the shell before <see cref="ValidateAsync"/>, so that someone who may not run the step learns nothing
    /// from its validation: read the data defensively (a malformed field is reported by validation later).
    /// </summary>
    /// <returns>
    /// The default, null, means the step declares nothing; then only someone holding every permission of the
    /// organisation may run it, so a step that forgets to declare is closed rather than open.
    /// </returns>
    Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>(null);
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
