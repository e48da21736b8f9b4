namespace InternalSocial.Groups.Models;

/// <summary>A pending invitation: the person becomes a member (with <see cref="Role"/>) only when they accept it.</summary>
internal sealed class GroupInvitation
{
    public long GroupId { get; set; }

    public required string UserId { get; set; }

    public GroupRole Role { get; set; }

    public required string InvitedBy { get; set; }

    public DateTime CreatedUtc { get; set; }
}
