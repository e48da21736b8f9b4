namespace InternalSocial.Workflows.Services;

internal sealed record InstanceSummary(string Id, string WorkflowId, int Version, string Status, string CorrelationKey, string? ActivityId, string? Error, DateTime CreatedUtc, DateTime UpdatedUtc);
