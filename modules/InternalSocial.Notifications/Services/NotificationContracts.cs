using System.Globalization;
using System.Security.Claims;
using InternalSocial.Notifications.Models;

namespace InternalSocial.Notifications.Services;

/// <summary>A kind of notification a module sends ("feed.mention"), with the choice people get unless they change it.</summary>
/// <param name="IsMandatory">Mandatory kinds (an announcement to acknowledge) can be moved between channels but not switched off.</param>
public sealed record NotificationKind(string Key, string DisplayName, NotificationChannel DefaultChannel, bool IsMandatory = false);

/// <summary>Modules declare their kinds of notification here; display names come localized from the module.</summary>
public interface INotificationKindProvider
{
    IEnumerable<NotificationKind> GetKinds();
}

public sealed record NotificationText(string Title, string Body);

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

/// <summary>Zones of the Notifications module's pages that other modules fill with widgets (<c>AddWidget</c>).</summary>
public static class NotificationZones
{
    /// <summary>
    /// Under the form of the notification settings page: a choice about mail that a module keeps itself (the
    /// newsletter's). A widget here renders its own form, with its own button, and posts to its own module.
    /// </summary>
    public const string Preferences = "notification-preferences";
}

/// <summary>The Notifications module's public service.</summary>
public interface INotifier
{
    /// <summary>Creates the notifications, queues the e-mails people chose, pushes the new unread counts. Returns how many were created.</summary>
    Task<int> NotifyAsync(NotificationRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Contributed by the module owning a kind of resource: which of these resources the person may still see. The list
/// of notifications hides the others (someone who left a private group no longer sees what was about it).
/// </summary>
public interface INotificationVisibility
{
    string ResourceType { get; }

    Task<IReadOnlySet<string>> GetVisibleAsync(ClaimsPrincipal user, IReadOnlyCollection<string> resourceIds, CancellationToken cancellationToken);
}

/// <summary>One line of a digest section: a text and the site-relative link it opens.</summary>
public sealed record DigestLine(string Text, string Url);

/// <summary>A section a module adds under the notifications of an e-mail digest, with its heading.</summary>
public sealed record DigestSection(string Heading, IReadOnlyList<DigestLine> Lines);

/// <summary>
/// Contributed by a module that has something standing for the person (the Feed: announcements still to acknowledge),
/// shown as a section of each e-mail digest that goes out to them. Called with the UI culture set to the person's
/// language; return null (or no lines) when there is nothing. Must only show what the person may see.
/// <paramref name="sinceUtc"/> in <see cref="GetSectionAsync"/> is the person's previous digest (at most a week ago):
/// what is new since then is what they missed.
/// </summary>
public interface IDigestSectionProvider
{
    Task<DigestSection?> GetSectionAsync(ClaimsPrincipal person, DateTime sinceUtc, CancellationToken cancellationToken);
}
