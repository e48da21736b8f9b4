namespace InternalSocial.Groups;

/// <summary>The Groups module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
