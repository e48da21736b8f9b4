namespace InternalSocial.Kernel.Recipes;

/// <summary>
/// The person running a recipe lacks what some of its steps require (403). Nothing of the recipe was applied. Each
/// denial names the file, the step and the missing permissions.
/// </summary>
public sealed class RecipeDeniedException(IReadOnlyList<RecipeError> denials)
    : Exception(KernelTexts.Shared["You may not run this recipe; nothing was applied: {0}", string.Join(" ", denials)])
{
    public IReadOnlyList<RecipeError> Denials { get; } = denials;
}
