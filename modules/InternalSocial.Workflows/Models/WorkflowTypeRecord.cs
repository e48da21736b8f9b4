

namespace InternalSocial.Workflows.Models;

/// <summary>A workflow type: its current version and whether new instances start.</summary>
internal sealed class WorkflowTypeRecord
{
    public required string Id { get; set; }

    public string Name { get; set; } = "";

    public bool Enabled { get; set; }

    public int Version { get; set; }

    /// <summary>The start activity's type, so an event finds the workflows it starts without reading every definition.</summary>
    public string StartEvent { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public string UpdatedBy { get; set; } = "";
}
