namespace InternalSocial.Groups.Models;

internal sealed class GroupMember
{
    public long GroupId { get; set; }

    public required string UserId { get; set; }

    public GroupRole Role { get; set; }

    public DateTime JoinedUtc { get; set; }

    /// <summary>Added by a membership rule: moving out of what the group's rules match takes the person out again.</summary>
    public bool ByRule { get; set; }
}
