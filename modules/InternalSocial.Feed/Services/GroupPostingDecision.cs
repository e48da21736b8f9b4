namespace InternalSocial.Feed.Services;

public enum GroupPostingDecision
{
    Allowed,
    Forbidden,

    /// <summary>The group's moderators approve the post before it is published.</summary>
    NeedsApproval,
}
