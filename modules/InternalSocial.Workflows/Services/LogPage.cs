namespace InternalSocial.Workflows.Services;

public sealed record LogPage(IReadOnlyList<LogEntryView> Items, string? NextCursor);
