namespace InternalSocial.Notifications;

/// <summary>The Notifications module's texts, French in Resources/ModuleResources.fr.resx.</summary>
internal sealed class ModuleResources;
