using InternalSocial.Kernel.Security;

namespace InternalSocial.Workflows;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageWorkflows = new("Workflows.Manage", "Create, edit, enable and retry workflows", "Workflows");

    /// <summary>Opens the moderation queue; each task is still shown only to the people it is assigned to.</summary>
    public static readonly Permission Moderate = new("Workflows.Moderate", "Work the moderation queue (tasks assigned to me, my roles or my groups)", "Workflows");

    /// <summary>Sees and decides every task, whoever it is assigned to.</summary>
    public static readonly Permission ModerateAll = new("Workflows.ModerateAll", "Decide any moderation task, whoever it is assigned to", "Workflows");

    public static readonly Permission ViewModerationLog = new("Workflows.ViewLog", "Read and export the moderation log", "Workflows");

    public IEnumerable<Permission> GetPermissions() => [ManageWorkflows, Moderate, ModerateAll, ViewModerationLog];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ManageWorkflows, Moderate, ModerateAll, ViewModerationLog]),
        new(BuiltInRoles.CommunicationDirector, [ManageWorkflows, Moderate, ViewModerationLog]),
        new(BuiltInRoles.Moderator, [Moderate, ViewModerationLog]),
        // Employees who moderate a group see the tasks of their groups only.
        new(BuiltInRoles.Employee, [Moderate]),
    ];
}
