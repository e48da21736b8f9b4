namespace InternalSocial.Home;

/// <summary>The Home module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
