using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Descriptions;

/// <summary><c>{ "role": "Moderator" }</c>: everyone holding the role.</summary>
internal sealed class RoleAssigneeKey() : AssigneeKey("role", AssigneeKinds.Role, AssigneeValue.Name, 10, "Roles", "roles")
{
    public override string Example => """{ "role": "Moderator" }""";

    public override LocalizedString Label(IStringLocalizerFactory texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var T = texts.Create(typeof(ModuleResources));
        return T["Roles (separated by commas)"];
    }
}
