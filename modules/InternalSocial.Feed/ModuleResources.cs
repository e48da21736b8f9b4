namespace InternalSocial.Feed;

/// <summary>The Feed module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
