namespace InternalSocial.QuickLinks;

/// <summary>The Quick links module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
