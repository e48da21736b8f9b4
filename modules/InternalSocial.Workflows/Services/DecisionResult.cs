using InternalSocial.Workflows.Abstractions.Models;

namespace InternalSocial.Workflows.Services;

internal sealed record DecisionResult(long TaskId, string Decision, string WorkflowStatus);
