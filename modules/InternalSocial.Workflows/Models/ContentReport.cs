

namespace InternalSocial.Workflows.Models;

/// <summary>An employee's report of a post or comment (one per person and content).</summary>
internal sealed class ContentReport
{
    public long Id { get; set; }

    public required string ContentType { get; set; }

    public required string ContentId { get; set; }

    public long? GroupId { get; set; }

    /// <summary>The content's author and an excerpt, as when it was reported (for the moderators' list).</summary>
    public string AuthorId { get; set; } = "";

    public string Summary { get; set; } = "";

    public required string ReporterId { get; set; }

    /// <summary>The key of one of the organisation's report reasons.</summary>
    public required string Reason { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedUtc { get; set; }
}
