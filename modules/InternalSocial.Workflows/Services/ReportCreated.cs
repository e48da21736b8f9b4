namespace InternalSocial.Workflows.Services;

public sealed record ReportCreated(long Id);
