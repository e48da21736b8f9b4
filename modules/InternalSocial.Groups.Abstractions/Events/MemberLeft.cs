namespace InternalSocial.Groups.Abstractions.Events;

/// <summary>Raised after a member left a group of their own accord.</summary>
public sealed record MemberLeft(long GroupId, string UserId);
