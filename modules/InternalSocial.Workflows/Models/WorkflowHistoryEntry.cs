

namespace InternalSocial.Workflows.Models;

/// <summary>One executed activity of an instance: when, by whom, with which outcome.</summary>
internal sealed class WorkflowHistoryEntry
{
    public long Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public string? Outcome { get; set; }

    public string? ActorId { get; set; }

    public string? Note { get; set; }

    public DateTime AtUtc { get; set; }
}
