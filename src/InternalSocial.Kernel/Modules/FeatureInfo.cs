using System.Reflection;

namespace InternalSocial.Kernel.Modules;

public sealed record ModuleInfo(string Id, string Name, string Description, string Category, string Version, Assembly Assembly);

public sealed record FeatureInfo(
    string Id,
    string Name,
    string Description,
    string Category,
    IReadOnlyList<string> Dependencies,
    bool IsAlwaysEnabled,
    bool DefaultTenantOnly,
    ModuleInfo Module)
{
    public bool IsTheme { get; init; }

    /// <summary>A theme for the administration only; see <see cref="FeatureAttribute.IsAdminTheme"/>.</summary>
    public bool IsAdminTheme { get; init; }

    /// <summary>The folder of a theme's views: <c>Themes/{ThemeName}/Views</c>.</summary>
    public string ThemeName => Id[(Id.LastIndexOf('.') + 1)..];

    public override string ToString() => Id;
}
