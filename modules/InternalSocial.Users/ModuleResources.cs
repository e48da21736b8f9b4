namespace InternalSocial.Users;

/// <summary>The Users module's texts: <c>IStringLocalizer&lt;ModuleResources&gt;</c>, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
