using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel;

/// <summary>
/// The kernel's texts (validation and conflict messages of setup, tenants and features, problem titles):
/// <c>IStringLocalizer&lt;KernelResources&gt;</c>, French in Resources/KernelResources.fr.resx. The lookup uses the
/// request's culture, so host singletons may hold the localizer.
/// </summary>
public sealed class KernelResources;

internal static class KernelTexts
{
    /// <summary>
    /// The kernel's texts for code that no container builds (a recipe's parser and step reader), looked up in the
    /// current UI culture like the localizer a container gives.
    /// </summary>
    public static IStringLocalizer Shared { get; } = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(KernelResources));

    /// <summary>A tenant's state as an adjective: "is {state}".</summary>
    public static string StateText(this IStringLocalizer T, TenantState state) => state switch
    {
        TenantState.Uninitialized => T["uninitialized"],
        TenantState.Initializing => T["initializing"],
        TenantState.Running => T["running"],
        TenantState.Disabled => T["disabled"],
        _ => state.ToString().ToLowerInvariant(),
    };
}
