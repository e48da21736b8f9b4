namespace InternalSocial.Kernel.Shells;

/// <summary>Which features a tenant has on, and which it has ever had on; kept in the tenant's own database.</summary>
public sealed record ShellDescriptor
{
    public const string DocumentId = "ShellDescriptor";

    public List<string> EnabledFeatures { get; init; } = [];

    /// <summary>Features enabled at least once: enabling one of these again is not an installation.</summary>
    public List<string> InstalledFeatures { get; init; } = [];
}
