
namespace InternalSocial.Workflows.Services;

/// <summary>Raised when a moderator decides a task.</summary>
internal sealed record WorkflowTaskDecided(long TaskId, string SubjectType, string SubjectId, string Decision, string? Reason, string ActorId);
