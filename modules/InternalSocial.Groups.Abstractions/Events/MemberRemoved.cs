namespace InternalSocial.Groups.Abstractions.Events;

/// <summary>Raised after a group admin removed a member.</summary>
public sealed record MemberRemoved(long GroupId, string UserId, string ByUserId);
