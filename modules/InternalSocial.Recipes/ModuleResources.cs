namespace InternalSocial.Recipes;

/// <summary>The Recipes module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
