using InternalSocial.Kernel.Security;

namespace InternalSocial.Newsletter;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageNewsletter = new("Newsletter.Manage", "Compose and send the newsletter, and see its opens and clicks", "Newsletter");

    public IEnumerable<Permission> GetPermissions() => [ManageNewsletter];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ManageNewsletter]),
        new(BuiltInRoles.CommunicationDirector, [ManageNewsletter]),
    ];
}
