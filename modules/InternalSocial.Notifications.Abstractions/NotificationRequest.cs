using System.Globalization;

namespace InternalSocial.Notifications.Abstractions;

/// <summary>
/// One event to tell several people about. The caller passes only people who may see what it is about; the text is
/// written once per language of the recipients, with the UI culture set to that language.
/// </summary>
public sealed class NotificationRequest
{
    public required string Kind { get; init; }

    public required IReadOnlyCollection<string> RecipientIds { get; init; }

    /// <summary>A site-relative link (<c>/posts/42</c>).</summary>
    public required string Url { get; init; }

    public required Func<CultureInfo, NotificationText> Text { get; init; }

    /// <summary>Who caused it; never notified of their own action.</summary>
    public string? ActorId { get; init; }

    public string? ResourceType { get; init; }

    public string? ResourceId { get; init; }

    /// <summary>Per recipient: the same key twice gives one notification.</summary>
    public string? DeduplicationKey { get; init; }

    /// <summary>
    /// With a <see cref="DeduplicationKey"/>: the notification already there is rewritten (text, actor, time) and shown
    /// unread again instead of being left as it was; one that went out in a digest waits for the next one. A summary
    /// kept up to date ("Alice and 4 others reacted") rather than one notification per event. No mail at once on an update.
    /// </summary>
    public bool UpdateExisting { get; init; }
}

