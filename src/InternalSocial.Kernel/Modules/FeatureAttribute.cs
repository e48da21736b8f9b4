namespace InternalSocial.Kernel.Modules;

/// <summary>
/// Declares a feature of the module in <c>Manifest.cs</c>. A module without any feature attribute has one
/// implicit feature whose id is the module id.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class FeatureAttribute : Attribute
{
    public FeatureAttribute(string id, string name)
    {
        Id = id;
        Name = name;
    }

    public string Id { get; }

    public string Name { get; }

    public string Description { get; set; } = "";

    /// <summary>Defaults to the module's category.</summary>
    public string? Category { get; set; }

    public string[] Dependencies { get; set; } = [];

    /// <summary>Always on in every tenant; cannot be disabled.</summary>
    public bool IsAlwaysEnabled { get; set; }

    /// <summary>
    /// A theme: its views live under <c>Themes/{last segment of the id}/Views/</c> in its assembly and win over the
    /// modules' views while it is the tenant's site or admin theme.
    /// </summary>
    public bool IsTheme { get; set; }

    /// <summary>
    /// A theme for the administration only (it has no site layout): it may be the admin theme, never the site theme.
    /// </summary>
    public bool IsAdminTheme { get; set; }

    /// <summary>Only the Default tenant may enable it (for example, managing other tenants).</summary>
    public bool DefaultTenantOnly { get; set; }
}
