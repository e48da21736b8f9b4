namespace InternalSocial.Workflows.Services;

internal sealed record HistoryView(string ActivityId, string ActivityType, string? Outcome, string? ActorId, string? Note, DateTime AtUtc);
