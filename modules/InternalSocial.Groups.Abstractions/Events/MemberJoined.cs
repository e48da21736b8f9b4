namespace InternalSocial.Groups.Abstractions.Events;

/// <summary>Raised after a person became a member: joining a public group, an approved request, an accepted invitation, a membership rule or a bulk addition.</summary>
public sealed record MemberJoined(long GroupId, string UserId);
