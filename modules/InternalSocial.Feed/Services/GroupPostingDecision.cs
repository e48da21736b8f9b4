namespace InternalSocial.Feed.Services;

internal enum GroupPostingDecision
{
    Allowed,
    Forbidden,

    /// <summary>The group's moderators approve the post before it is published.</summary>
    NeedsApproval,
}
