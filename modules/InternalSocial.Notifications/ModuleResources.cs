namespace InternalSocial.Notifications;

/// <summary>The Notifications module's texts, French in Resources/ModuleResources.fr.resx.</summary>
public sealed class ModuleResources;
