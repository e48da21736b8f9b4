namespace InternalSocial.Groups.Abstractions.Events;

/// <summary>
/// Raised after a group admin invited a person (an employee or a guest): the invitation waits for their answer, and
/// accepting it raises <see cref="MemberJoined"/>.
/// </summary>
public sealed record MemberInvited(long GroupId, string UserId, string ByUserId);
