namespace InternalSocial.Workflows.Services;

internal sealed record ReportCreated(long Id);
