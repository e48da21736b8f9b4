namespace InternalSocial.Groups.Abstractions.Events;

/// <summary>Raised after a person asked to join a private group; the group's admins approve or reject it.</summary>
public sealed record JoinRequested(long GroupId, string UserId);
