namespace InternalSocial.Setup;

/// <summary>The Setup module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
