using InternalSocial.Notifications.Abstractions;

namespace InternalSocial.Notifications.Models;

/// <summary>Where a notification stands with e-mail.</summary>
internal enum EmailState
{
    None,
    Queued,
    AwaitingDigest,
    Digested,
}

internal sealed class Notification
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public string Body { get; set; } = "";

    /// <summary>The site-relative link to what the notification is about.</summary>
    public required string Url { get; set; }

    public string? ActorId { get; set; }

    /// <summary>What it is about, for the owning module's visibility check when the list is shown (e.g. "post", "42").</summary>
    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    /// <summary>The same event notified twice (a retried request) gives one notification.</summary>
    public string? DeduplicationKey { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ReadUtc { get; set; }

    public EmailState EmailState { get; set; }
}

internal sealed class NotificationPreference
{
    public required string UserId { get; set; }

    public required string Kind { get; set; }

    public NotificationChannel Channel { get; set; }
}

/// <summary>How often a person's e-mail digest goes out.</summary>
internal enum DigestFrequency
{
    Daily,
    Weekly,
}

/// <summary>A person's digest schedule, and when their last digest went out (null: never).</summary>
internal sealed class DigestSchedule
{
    public required string UserId { get; set; }

    public DigestFrequency Frequency { get; set; }

    /// <summary>The day of a weekly digest; null for a daily one.</summary>
    public DayOfWeek? Weekday { get; set; }

    public DateTime? LastSentUtc { get; set; }
}

/// <summary>
/// A notification to a large audience, delivered in the background in chunks (<c>FanOutTask</c>) rather than in the
/// request that caused it. The texts are written at queue time in every language the site offers; the recipients are
/// kept in order, and <see cref="NextIndex"/> moves forward in the same transaction as each chunk's notifications, so
/// a crash resumes where it stopped and nobody is notified twice.
/// </summary>
internal sealed class FanOut
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string Url { get; set; }

    public string? ActorId { get; set; }

    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    public string? DeduplicationKey { get; set; }

    /// <summary>JSON: culture name → { title, body }.</summary>
    public required string TextsJson { get; set; }

    /// <summary>JSON array of user ids.</summary>
    public required string RecipientsJson { get; set; }

    public int RecipientCount { get; set; }

    public int NextIndex { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }
}
