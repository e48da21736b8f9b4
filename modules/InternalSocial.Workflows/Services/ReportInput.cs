namespace InternalSocial.Workflows.Services;

internal sealed record ReportInput(string? ContentType, string? ContentId, string? Reason, string? Comment);
