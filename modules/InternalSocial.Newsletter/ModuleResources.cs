namespace InternalSocial.Newsletter;

/// <summary>The Newsletter module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
