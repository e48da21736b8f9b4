namespace InternalSocial.Groups.Models;

/// <summary>A member's role in one group; higher values hold every right of the lower ones.</summary>
internal enum GroupRole
{
    Member = 0,
    Moderator = 1,
    Admin = 2,
    Owner = 3,
}
