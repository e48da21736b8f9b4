

namespace InternalSocial.Workflows.Models;

/// <summary>Who did what to which content, when and why: the moderation log.</summary>
internal sealed class ModerationLogEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Empty for the system (a workflow acting on its own).</summary>
    public string ActorId { get; set; } = "";

    public required string Action { get; set; }

    public required string SubjectType { get; set; }

    public required string SubjectId { get; set; }

    public long? GroupId { get; set; }

    public string? Reason { get; set; }
}
