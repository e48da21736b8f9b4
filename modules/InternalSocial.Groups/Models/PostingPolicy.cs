namespace InternalSocial.Groups.Models;

/// <summary>Who may post in the group.</summary>
internal enum PostingPolicy
{
    Everyone = 0,

    /// <summary>An announcement channel: owners and admins post, members read.</summary>
    AdminsOnly = 1,
}
