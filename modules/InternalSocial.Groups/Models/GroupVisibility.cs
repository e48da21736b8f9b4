namespace InternalSocial.Groups.Models;

/// <summary>Who sees a group and how people get in.</summary>
internal enum GroupVisibility
{
    /// <summary>Everyone in the organisation reads and joins.</summary>
    Public = 0,

    /// <summary>Listed; content for members; join on request or invitation.</summary>
    Private = 1,

    /// <summary>Invisible to non-members; invitation only.</summary>
    Secret = 2,
}
