using InternalSocial.Workflows.Abstractions.Models;

namespace InternalSocial.Workflows.Services;

public sealed record DecisionResult(long TaskId, string Decision, string WorkflowStatus);
