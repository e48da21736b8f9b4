namespace InternalSocial.Kernel;

/// <summary>
/// The kernel's texts (validation and conflict messages of setup, tenants and features, problem titles):
/// <c>IStringLocalizer&lt;KernelResources&gt;</c>, French in Resources/KernelResources.fr.resx. The lookup uses the
/// request's culture, so host singletons may hold the localizer.
/// </summary>
public sealed class KernelResources;
