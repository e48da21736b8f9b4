namespace InternalSocial.Workflows;

/// <summary>The Workflows module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
