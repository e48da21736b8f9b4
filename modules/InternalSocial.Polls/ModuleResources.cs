namespace InternalSocial.Polls;

/// <summary>The Polls module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
