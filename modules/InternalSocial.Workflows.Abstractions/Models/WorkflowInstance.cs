

namespace InternalSocial.Workflows.Abstractions.Models;

public sealed class WorkflowInstance
{
    public required string Id { get; set; }

    public required string WorkflowId { get; set; }

    public int Version { get; set; }

    public WorkflowStatus Status { get; set; }

    /// <summary>What the instance is about ("post:42"), to find it from the content.</summary>
    public string CorrelationKey { get; set; } = "";

    /// <summary>The activity it waits in (or failed in).</summary>
    public string? ActivityId { get; set; }

    /// <summary>The facts of the starting event and what activities added (JSON object).</summary>
    public string VariablesJson { get; set; } = "{}";

    /// <summary>For a faulted instance: what to run again on retry (see <see cref="Services.WorkflowEngine"/>).</summary>
    public string? RetryJson { get; set; }

    public string? Error { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Optimistic concurrency: every save increments it; a save based on an older value fails.</summary>
    public int Revision { get; set; }
}
