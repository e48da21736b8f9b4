namespace InternalSocial.Workflows.Services;

public sealed record ReportInput(string? ContentType, string? ContentId, string? Reason, string? Comment);
