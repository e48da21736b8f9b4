namespace InternalSocial.Tenants;

/// <summary>The Tenants module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
