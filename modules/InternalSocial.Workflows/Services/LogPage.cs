namespace InternalSocial.Workflows.Services;

internal sealed record LogPage(IReadOnlyList<LogEntryView> Items, string? NextCursor);
