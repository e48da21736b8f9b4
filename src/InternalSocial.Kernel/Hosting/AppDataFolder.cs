namespace InternalSocial.Kernel.Hosting;

/// <summary>The resolved App_Data folder, and where each tenant keeps its own files.</summary>
public sealed class AppDataFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string TenantsFile => Path.Combine(Root, "tenants.json");

    public string TenantFolder(string tenantName) => Path.Combine(Root, "Sites", tenantName);
}
