namespace InternalSocial.Admin;

/// <summary>The Admin module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
