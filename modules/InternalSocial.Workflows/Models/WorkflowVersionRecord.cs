

namespace InternalSocial.Workflows.Models;

/// <summary>Every saved version of a definition: a running instance keeps the one it started with.</summary>
internal sealed class WorkflowVersionRecord
{
    public required string WorkflowId { get; set; }

    public int Version { get; set; }

    public required string Json { get; set; }

    public DateTime CreatedUtc { get; set; }
}
