namespace InternalSocial.Groups.Models;

internal enum MembershipRuleKind
{
    Department = 0,
    Site = 1,

    /// <summary>Every employee (not guests): "All company". <see cref="MembershipRule.Value"/> is unused.</summary>
    Everyone = 2,
}
