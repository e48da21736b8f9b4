

namespace InternalSocial.Workflows.Models;

/// <summary>A human task of an approval activity: what a moderator decides.</summary>
internal sealed class ModerationTask
{
    public long Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>What it is about ("post") and which one, as the module owning it names them.</summary>
    public required string SubjectType { get; set; }

    public required string SubjectId { get; set; }

    /// <summary>The group the content lives in, for the queue's filter; null outside groups.</summary>
    public long? GroupId { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>A plain-text excerpt shown in the queue.</summary>
    public string Summary { get; set; } = "";

    public TaskStatus Status { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? Reason { get; set; }

    public int EscalationCount { get; set; }

    public DateTime CreatedUtc { get; set; }
}
