using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel;

/// <summary>The kernel's texts where no container gives a localizer, and the words for a tenant's states.</summary>
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
