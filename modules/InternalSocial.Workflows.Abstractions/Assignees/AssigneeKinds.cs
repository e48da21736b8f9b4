

namespace InternalSocial.Workflows.Abstractions.Assignees;

public static class AssigneeKinds
{
    /// <summary>Everyone holding a role (value: the role name).</summary>
    public const string Role = "role";

    /// <summary>One person (value: the user id).</summary>
    public const string User = "user";

    /// <summary>The moderators of a group (value: the group id).</summary>
    public const string Group = "group";
}
