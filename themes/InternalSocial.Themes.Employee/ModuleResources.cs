namespace InternalSocial.Themes.Employee;

/// <summary>The Employee theme's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
