namespace InternalSocial.Workflows.Services;

internal sealed record LogEntryView(long Id, DateTime AtUtc, string ActorId, string? ActorName, string Action, string SubjectType, string SubjectId, long? GroupId, string? Reason);
