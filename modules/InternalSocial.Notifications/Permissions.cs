using InternalSocial.Kernel.Security;

namespace InternalSocial.Notifications;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageNotifications = new("Notifications.Manage", "Set the organisation's notification defaults", "Notifications");

    public IEnumerable<Permission> GetPermissions() => [ManageNotifications];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ManageNotifications]),
        new(BuiltInRoles.CommunicationDirector, [ManageNotifications]),
    ];
}
