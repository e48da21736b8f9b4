using InternalSocial.Workflows.Models;
using Microsoft.AspNetCore.Authorization;
using TaskStatus = InternalSocial.Workflows.Models.TaskStatus;

namespace InternalSocial.Workflows.Services;

public sealed record DecisionResult(long TaskId, string Decision, string WorkflowStatus);
