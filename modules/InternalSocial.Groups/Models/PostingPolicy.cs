namespace InternalSocial.Groups.Models;

/// <summary>Who may post in the group.</summary>
public enum PostingPolicy
{
    Everyone = 0,

    /// <summary>An announcement channel: owners and admins post, members read.</summary>
    AdminsOnly = 1,
}
