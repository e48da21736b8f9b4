namespace InternalSocial.Groups.Events;

/// <summary>Raised after a person became a member: joining a public group, an approved request, an accepted invitation, a membership rule or a bulk addition.</summary>
public sealed record MemberJoined(long GroupId, string UserId);

/// <summary>Raised after a member left a group of their own accord.</summary>
public sealed record MemberLeft(long GroupId, string UserId);

/// <summary>Raised after a group admin removed a member.</summary>
public sealed record MemberRemoved(long GroupId, string UserId, string ByUserId);

/// <summary>Raised after a person asked to join a private group; the group's admins approve or reject it.</summary>
public sealed record JoinRequested(long GroupId, string UserId);

/// <summary>
/// Raised after a group admin invited a person (an employee or a guest): the invitation waits for their answer, and
/// accepting it raises <see cref="MemberJoined"/>.
/// </summary>
public sealed record MemberInvited(long GroupId, string UserId, string ByUserId);

/// <summary>Raised after a group was archived: its content stays readable, nobody posts in it any more.</summary>
public sealed record GroupArchived(long GroupId, string ByUserId);
