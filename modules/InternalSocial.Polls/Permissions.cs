using InternalSocial.Kernel.Security;

namespace InternalSocial.Polls;

/// <summary>
/// Who may create polls is the set of roles holding <see cref="CreatePolls"/>: the roles recipe step sets it, so polls
/// need no setting of their own.
/// </summary>
internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ViewPolls = new("Polls.View", "See and answer the polls one may read", "Polls");
    public static readonly Permission CreatePolls = new("Polls.Create", "Create polls", "Polls");
    public static readonly Permission ManagePolls = new("Polls.Manage", "Close, reopen and delete anyone's polls", "Polls");
    public static readonly Permission CreateSurveys = new("Polls.CreateSurveys", "Create surveys for the organisation, its departments, sites or groups", "Polls");
    public static readonly Permission ViewAllResults = new("Polls.ViewAllResults", "See every poll's results, even those shown to their author only", "Polls");

    public IEnumerable<Permission> GetPermissions() => [ViewPolls, CreatePolls, ManagePolls, ViewAllResults, CreateSurveys];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ViewPolls, CreatePolls, ManagePolls, ViewAllResults, CreateSurveys]),
        new(BuiltInRoles.CommunicationDirector, [ViewPolls, CreatePolls, ManagePolls, ViewAllResults, CreateSurveys]),
        new(BuiltInRoles.Moderator, [ViewPolls, CreatePolls, ManagePolls]),
        new(BuiltInRoles.Employee, [ViewPolls, CreatePolls]),
        // Guests reach only the polls of their groups: the container rules decide, not this permission.
        new(BuiltInRoles.Guest, [ViewPolls]),
    ];
}
