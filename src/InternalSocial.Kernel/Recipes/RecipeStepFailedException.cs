namespace InternalSocial.Kernel.Recipes;

/// <summary>A step that failed while being applied. Everything the recipe had changed was undone.</summary>
public sealed class RecipeStepFailedException(RecipeStep step, Exception inner)
    : Exception(KernelTexts.Shared["{0}, step {1} '{2}' failed: {3} The recipe was undone; the tenant is as it was.", step.Recipe.FileName, step.Index + 1, step.Name, inner.GetBaseException().Message], inner)
{
    public RecipeStep Step { get; } = step;
}
