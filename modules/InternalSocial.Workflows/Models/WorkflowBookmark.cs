

namespace InternalSocial.Workflows.Models;

/// <summary>What a waiting instance waits for: an event with a correlation key, a human task, or a due time.</summary>
internal sealed class WorkflowBookmark
{
    public long Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string Kind { get; set; }

    public string? EventName { get; set; }

    public string? CorrelationKey { get; set; }

    public long? TaskId { get; set; }

    public DateTime? DueUtc { get; set; }
}
