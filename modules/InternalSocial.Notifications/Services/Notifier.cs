using System.Globalization;
using System.Text.Json;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Settings;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Notifications.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Notifications.Services;

internal sealed class Notifier(
    NotificationsDbContext db,
    NotificationKinds kinds,
    IPeopleContacts people,
    SiteSettingsService siteSettings,
    IEnumerable<INotificationMailer> mailers,
    UnreadCountPublisher live,
    TimeProvider clock) : INotifier
{
    /// <summary>Above this many recipients, the notifications are written in the background (<see cref="FanOutTask"/>).</summary>
    public const int InlineRecipients = 200;

    public async Task<int> NotifyAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        kinds.Get(request.Kind);
        var recipients = request.RecipientIds.Where(id => id != request.ActorId).Distinct().ToList();
        if (recipients.Count == 0)
        {
            return 0;
        }

        if (recipients.Count > InlineRecipients)
        {
            await QueueAsync(request, recipients, cancellationToken);
            return recipients.Count;
        }

        if (request.UpdateExisting && request.DeduplicationKey is not null)
        {
            // Two events at once may both find no notification and both insert: the unique index on (person, key)
            // refuses the second, which then finds the first and updates it.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await DeliverAsync(request, [.. recipients], cancellationToken);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                }
            }
        }

        return await DeliverAsync(request, recipients, cancellationToken);
    }

    /// <summary>Creates the notifications of <paramref name="recipients"/> now (the request's, or one chunk of a fan-out).</summary>
    public async Task<int> DeliverAsync(NotificationRequest request, List<string> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recipients);
        var kind = kinds.Get(request.Kind);
        var channels = await ChannelsAsync(kind, recipients, cancellationToken);
        recipients.RemoveAll(id => channels[id] == NotificationChannel.Off);
        var existing = await ExistingAsync(request, recipients, cancellationToken);
        if (recipients.Count == 0)
        {
            return 0;
        }

        var contacts = await people.GetContactsAsync(recipients, cancellationToken);
        var organisationCulture = (await siteSettings.GetAsync(cancellationToken)).DefaultCulture;
        var mailer = mailers.FirstOrDefault();
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<(Notification Notification, CultureInfo Culture)>();
        foreach (var byCulture in recipients.GroupBy(id => contacts.TryGetValue(id, out var contact) && contact.Culture is { Length: > 0 } culture ? culture : organisationCulture))
        {
            var culture = CultureInfo.GetCultureInfo(byCulture.Key);
            var text = CultureScope.Run(culture, () => request.Text(culture));
            foreach (var userId in byCulture)
            {
                if (existing.TryGetValue(userId, out var current))
                {
                    Refresh(current, request, text, channels[userId], mailer is not null, now);
                    continue;
                }

                var notification = New(request, kind, userId, text, channels[userId], mailer is not null, now);
                db.Items.Add(notification);
                created.Add((notification, culture));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var touched = created.Count + existing.Count;
        if (mailer is not null)
        {
            var immediate = created.Where(c => c.Notification.EmailState == EmailState.Queued).ToList();
            if (immediate.Count > 0)
            {
                await mailer.SendImmediatelyAsync(immediate, contacts, cancellationToken);
            }
        }

        await live.PublishAsync(recipients, cancellationToken);
        return touched;
    }

    /// <summary>Each recipient's channel for the kind: their own choice, else the organisation's default.</summary>
    private async Task<Dictionary<string, NotificationChannel>> ChannelsAsync(NotificationKind kind, List<string> recipients, CancellationToken cancellationToken)
    {
        var defaults = await kinds.GetDefaultsAsync(cancellationToken);
        var personal = await db.Preferences.AsNoTracking()
            .Where(p => p.Kind == kind.Key && recipients.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.Channel, cancellationToken);
        return recipients.ToDictionary(id => id, id => NotificationKinds.Effective(kind, personal.TryGetValue(id, out var c) ? c : null, defaults));
    }

    /// <summary>
    /// With a deduplication key: the recipients' notifications to update (<see cref="NotificationRequest.UpdateExisting"/>),
    /// or else the recipients who have one already are removed.
    /// </summary>
    private async Task<Dictionary<string, Notification>> ExistingAsync(NotificationRequest request, List<string> recipients, CancellationToken cancellationToken)
    {
        if (request.DeduplicationKey is not { } key || recipients.Count == 0)
        {
            return [];
        }

        if (request.UpdateExisting)
        {
            return await db.Items
                .Where(n => n.DeduplicationKey == key && recipients.Contains(n.UserId))
                .ToDictionaryAsync(n => n.UserId, cancellationToken);
        }

        var already = await db.Items.AsNoTracking()
            .Where(n => n.DeduplicationKey == key && recipients.Contains(n.UserId))
            .Select(n => n.UserId)
            .ToListAsync(cancellationToken);
        recipients.RemoveAll(already.Contains);
        return [];
    }

    private static void Refresh(Notification current, NotificationRequest request, NotificationText text, NotificationChannel channel, bool mails, DateTime now)
    {
        current.Title = Truncate(text.Title, 300);
        current.Body = Truncate(text.Body, 1000);
        current.ActorId = request.ActorId;
        current.CreatedUtc = now;
        current.ReadUtc = null;
        if (current.EmailState == EmailState.Digested && channel == NotificationChannel.EmailDigest && mails)
        {
            current.EmailState = EmailState.AwaitingDigest;
        }
    }

    private static Notification New(NotificationRequest request, NotificationKind kind, string userId, NotificationText text, NotificationChannel channel, bool mails, DateTime now) => new()
    {
        UserId = userId,
        Kind = kind.Key,
        Title = Truncate(text.Title, 300),
        Body = Truncate(text.Body, 1000),
        Url = request.Url,
        ActorId = request.ActorId,
        ResourceType = request.ResourceType,
        ResourceId = request.ResourceId,
        DeduplicationKey = request.DeduplicationKey,
        CreatedUtc = now,
        EmailState = (channel, mails) switch
        {
            (_, false) => EmailState.None,
            (NotificationChannel.EmailImmediately, _) => EmailState.Queued,
            (NotificationChannel.EmailDigest, _) => EmailState.AwaitingDigest,
            _ => EmailState.None,
        },
    };

    /// <summary>
    /// Keeps a large audience's notification for the background: its texts written now in every language the site
    /// offers (the request's localizers and data are at hand only now), its recipients in order.
    /// </summary>
    private async Task QueueAsync(NotificationRequest request, List<string> recipients, CancellationToken cancellationToken)
    {
        var texts = SiteSettings.SupportedCultures.ToDictionary(
            name => name,
            name =>
            {
                var culture = CultureInfo.GetCultureInfo(name);
                return CultureScope.Run(culture, () => request.Text(culture));
            });
        db.FanOuts.Add(new FanOut
        {
            Kind = request.Kind,
            Url = request.Url,
            ActorId = request.ActorId,
            ResourceType = request.ResourceType,
            ResourceId = request.ResourceId,
            DeduplicationKey = request.DeduplicationKey,
            TextsJson = JsonSerializer.Serialize(texts),
            RecipientsJson = JsonSerializer.Serialize(recipients),
            RecipientCount = recipients.Count,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
