namespace InternalSocial.Kernel.Security;

/// <summary>A right a module defines, such as "Feed.PublishPosts". Roles hold permissions.</summary>
public sealed record Permission(string Name, string Description, string Category = "General")
{
    public const string PolicyPrefix = "Permission:";

    public string PolicyName => PolicyPrefix + Name;

    public override string ToString() => Name;
}

/// <summary>The roles every tenant starts with.</summary>
public static class BuiltInRoles
{
    public const string Administrator = "Administrator";
    public const string CommunicationDirector = "CommunicationDirector";
    public const string Moderator = "Moderator";
    public const string Employee = "Employee";
    public const string Guest = "Guest";

    public static IReadOnlyList<string> All { get; } = [Administrator, CommunicationDirector, Moderator, Employee, Guest];
}

/// <summary>The permissions a role holds by default when a feature is first enabled in a tenant.</summary>
public sealed record PermissionStereotype(string RoleName, IReadOnlyList<Permission> Permissions);

/// <summary>Each module's <c>Permissions.cs</c> implements this and registers it in its startup.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    IEnumerable<PermissionStereotype> GetDefaultStereotypes();
}

/// <summary>Answers whether a user holds a permission: role grants (Users module), group roles, and so on.</summary>
public interface IPermissionGrantProvider
{
    Task<bool> IsGrantedAsync(System.Security.Claims.ClaimsPrincipal user, Permission permission, CancellationToken cancellationToken);
}
