namespace InternalSocial.Workflows.Services;

internal sealed record SaveResult(WorkflowSummary Workflow, bool Created, bool Changed);
