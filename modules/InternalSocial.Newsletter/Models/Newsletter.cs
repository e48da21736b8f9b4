namespace InternalSocial.Newsletter.Models;

/// <summary>A draft can be changed; sending freezes it, and it is sent once all its mails are queued.</summary>
public enum EditionStatus
{
    Draft = 0,

    /// <summary>Its recipients are fixed and their mails are being queued, chunk by chunk, in the background.</summary>
    Sending = 1,
    Sent = 2,
}

public sealed class Edition
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

/// <summary>One block of an edition, in order: a chosen post, or free text (Markdown).</summary>
public sealed class EditionBlock
{
    public long EditionId { get; set; }

    public int Position { get; set; }

    public long? PostId { get; set; }

    public string? Text { get; set; }
}

public static class AudienceKinds
{
    public const string Department = "department";
    public const string Site = "site";
    public const string Group = "group";
}

public sealed class EditionAudience
{
    public long EditionId { get; set; }

    public required string Kind { get; set; }

    public required string Value { get; set; }
}

public enum RecipientStatus
{
    Pending = 0,

    /// <summary>Taken by one node's sender, which writes the mail.</summary>
    Claimed = 1,
    Queued = 2,

    /// <summary>No mail written: no address any more, or the account was deactivated meanwhile.</summary>
    Skipped = 3,
}

/// <summary>A person an edition goes to. The token, unguessable, identifies them in the open pixel, the links and the unsubscribe link.</summary>
public sealed class Recipient
{
    public long Id { get; set; }

    public long EditionId { get; set; }

    public required string UserId { get; set; }

    public required string Token { get; set; }

    public RecipientStatus Status { get; set; }

    public string? ClaimId { get; set; }

    public DateTime? ClaimedUtc { get; set; }

    /// <summary>The first time the mail was seen (its image loaded, or a link followed).</summary>
    public DateTime? OpenedUtc { get; set; }

    /// <summary>The first time a link was followed.</summary>
    public DateTime? ClickedUtc { get; set; }
}

/// <summary>A link the sent edition contains: the click redirect goes only to these.</summary>
public sealed class EditionLink
{
    public long EditionId { get; set; }

    public int LinkIndex { get; set; }

    public required string Url { get; set; }
}

/// <summary>One recipient followed one link (at least once).</summary>
public sealed class LinkClick
{
    public long RecipientId { get; set; }

    public int LinkIndex { get; set; }

    public long EditionId { get; set; }

    public DateTime ClickedUtc { get; set; }
}

/// <summary>A person who asked for no more newsletters.</summary>
public sealed class OptOut
{
    public required string UserId { get; set; }

    public DateTime OptedOutUtc { get; set; }
}
