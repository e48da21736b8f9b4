namespace InternalSocial.Themes.Field;

/// <summary>The Field theme's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
