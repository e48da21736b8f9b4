namespace InternalSocial.Workflows.Services;

public sealed record SaveResult(WorkflowSummary Workflow, bool Created, bool Changed);
