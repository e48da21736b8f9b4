namespace InternalSocial.Email;

/// <summary>The E-mail module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
