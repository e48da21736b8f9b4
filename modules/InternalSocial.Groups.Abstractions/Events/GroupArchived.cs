namespace InternalSocial.Groups.Abstractions.Events;

/// <summary>Raised after a group was archived: its content stays readable, nobody posts in it any more.</summary>
public sealed record GroupArchived(long GroupId, string ByUserId);
