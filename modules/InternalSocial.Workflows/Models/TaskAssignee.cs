

namespace InternalSocial.Workflows.Models;

/// <summary>Who may decide a task: one row per role, person or group.</summary>
internal sealed class TaskAssignee
{
    public long TaskId { get; set; }

    public required string Kind { get; set; }

    public required string Value { get; set; }
}
