namespace InternalSocial.Kernel.Recipes;

/// <summary>What a recipe run changed.</summary>
public sealed record RecipeRunResult(int StepCount, IReadOnlyList<string> EnabledFeatures, IReadOnlyList<string> DisabledFeatures);
