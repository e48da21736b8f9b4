using InternalSocial.Kernel.Security;

namespace InternalSocial.Workflows;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageWorkflows = new("Workflows.Manage", "Create, edit, enable and retry workflows", "Workflows");

    /// <summary>Opens the moderation queue; each task is still shown only to the people it is assigned to.</summary>
    public static readonly Permission Moderate = new("Workflows.Moderate", "Work the moderation queue (tasks assigned to me, my roles or my groups)", "Workflows");

    /// <summary>Sees and decides every task, whoever it is assigned to.</summary>
    public static readonly Permission ModerateAll = new("Workflows.ModerateAll", "Decide any moderation task, whoever it is assigned to", "Workflows");

    /// <summary>Reviews reported content outside groups (a group's reports go to its moderators).</summary>
    public static readonly Permission ReviewReports = new("Workflows.ReviewReports", "Review reported content outside groups", "Workflows");

    public static readonly Permission ViewModerationLog = new("Workflows.ViewLog", "Read and export the moderation log", "Workflows");

    public IEnumerable<Permission> GetPermissions() => [ManageWorkflows, Moderate, ModerateAll, ReviewReports, ViewModerationLog];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ManageWorkflows, Moderate, ModerateAll, ReviewReports, ViewModerationLog]),
        new(BuiltInRoles.CommunicationDirector, [ManageWorkflows, Moderate, ReviewReports, ViewModerationLog]),
        new(BuiltInRoles.Moderator, [Moderate, ReviewReports, ViewModerationLog]),
        // Employees who moderate a group see the tasks of their groups only.
        new(BuiltInRoles.Employee, [Moderate]),
    ];
}
