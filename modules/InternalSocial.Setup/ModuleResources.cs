namespace InternalSocial.Setup;

/// <summary>The Setup module's texts, French in Resources/ModuleResources.fr.resx.</summary>
public sealed class ModuleResources;
