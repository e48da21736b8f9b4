namespace InternalSocial.Groups.Abstractions;

/// <summary>What a person may do with a post in a group, from the group's posting policy.</summary>
public enum GroupPostDecision
{
    Allowed,
    Forbidden,

    /// <summary>The group's posts need approval: hand the post to the approval workflow instead of publishing it.</summary>
    NeedsApproval,
}
