namespace InternalSocial.Newsletter.Models;

internal sealed class Edition
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Intro { get; set; } = "";

    public EditionStatus Status { get; set; }

    /// <summary>Every active employee (guests never); otherwise the departments, sites and groups in <see cref="EditionAudience"/>.</summary>
    public bool AudienceEveryone { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public string? SentBy { get; set; }

    /// <summary>When sending was asked for.</summary>
    public DateTime? SentUtc { get; set; }

    /// <summary>When the last recipient's mail was queued.</summary>
    public DateTime? CompletedUtc { get; set; }

    /// <summary>The site's address (scheme, host, tenant prefix) when it was sent, for the links of mails written in the background.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The content as it was sent (JSON of <see cref="Services.EditionContent"/>): later edits of the posts do not change the mails still to write.</summary>
    public string? Snapshot { get; set; }

    public int RecipientCount { get; set; }

    public int QueuedCount { get; set; }
}
