namespace InternalSocial.Workflows.Services;

internal sealed record WorkflowSummary(string Id, string Name, bool Enabled, int Version, string StartEvent, DateTime UpdatedUtc);
