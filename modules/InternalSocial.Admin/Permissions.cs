using InternalSocial.Kernel.Security;

namespace InternalSocial.Admin;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission AccessAdmin = new("Admin.AccessAdmin", "Open the administration", "Administration");
    public static readonly Permission ManageFeatures = new("Admin.ManageFeatures", "Enable and disable the organisation's features", "Administration");
    public static readonly Permission ManageSettings = new("Admin.ManageSettings", "Change the organisation's settings", "Administration");

    public IEnumerable<Permission> GetPermissions() => [AccessAdmin, ManageFeatures, ManageSettings];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [AccessAdmin, ManageFeatures, ManageSettings]),
        new(BuiltInRoles.CommunicationDirector, [AccessAdmin, ManageFeatures, ManageSettings]),
        new(BuiltInRoles.Moderator, [AccessAdmin]),
    ];
}
