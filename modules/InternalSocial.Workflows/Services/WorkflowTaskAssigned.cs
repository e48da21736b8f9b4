using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

/// <summary>Raised when a task is assigned (created or escalated): the notifications bridge tells the assignees.</summary>
internal sealed record WorkflowTaskAssigned(long TaskId, string SubjectType, string SubjectId, string Summary, IReadOnlyList<TaskAssignee> Assignees, bool IsEscalation);
