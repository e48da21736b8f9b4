namespace InternalSocial.Charter;

/// <summary>The Charter module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
