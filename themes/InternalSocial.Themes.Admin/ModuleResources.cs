namespace InternalSocial.Themes.Admin;

/// <summary>The administration theme's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
