using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Notifications.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Notifications.Services;

/// <summary>A person's notifications and choices, and the organisation's defaults. Each person only ever reaches their own.</summary>
internal sealed class NotificationsService(
    NotificationsDbContext db,
    NotificationKinds kinds,
    IEnumerable<INotificationVisibility> visibilities,
    UnreadCountPublisher live,
    NotificationLinks links,
    IAuthorizationService authorization,
    IPeopleContacts people,
    SiteSettingsService siteSettings,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int PageSize = 20;

    public async Task<NotificationPage> ListAsync(ClaimsPrincipal user, string? cursor, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        long? before = null;
        if (cursor is { Length: > 0 })
        {
            before = long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : throw new InvalidInputException("cursor", T["The cursor is not one this list gave."]);
        }

        var query = db.Items.AsNoTracking().Where(n => n.UserId == userId);
        if (before is { } last)
        {
            query = query.Where(n => n.Id < last);
        }

        var page = await query.OrderByDescending(n => n.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var hasMore = page.Count > PageSize;
        page = page.Take(PageSize).ToList();
        var hidden = await HiddenAsync(user, page, cancellationToken);
        var items = page.Where(n => !hidden.Contains(n.Id))
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Title, n.Body, n.Url, n.CreatedUtc, n.ReadUtc is not null))
            .ToList();
        var unread = await db.Items.CountAsync(n => n.UserId == userId && n.ReadUtc == null, cancellationToken);
        return new NotificationPage(items, hasMore ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null, unread);
    }

    public async Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        return await db.Items.CountAsync(n => n.UserId == userId && n.ReadUtc == null, cancellationToken);
    }

    /// <summary>Marks one of the person's notifications read and returns its link; another person's id is "not found".</summary>
    public async Task<string> MarkReadAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        var notification = await db.Items.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken)
            ?? throw new NotFoundException(T["No notification with id {0}.", id]);
        if (notification.ReadUtc is null)
        {
            notification.ReadUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await live.PublishAsync([userId], cancellationToken);
        }

        return notification.Url;
    }

    public async Task<int> MarkAllReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Items.Where(n => n.UserId == userId && n.ReadUtc == null)
            .ExecuteUpdateAsync(update => update.SetProperty(n => n.ReadUtc, now), cancellationToken);
        await live.PublishAsync([userId], cancellationToken);
        return changed;
    }

    public async Task<IReadOnlyList<PreferenceItem>> GetPreferencesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        var defaults = await kinds.GetDefaultsAsync(cancellationToken);
        var personal = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Channel, cancellationToken);
        return kinds.All.Values.OrderBy(k => k.DisplayName, StringComparer.CurrentCulture)
            .Select(k => new PreferenceItem(k.Key, k.DisplayName, NotificationKinds.Effective(k, personal.TryGetValue(k.Key, out var c) ? c : null, defaults).ToString(), k.IsMandatory))
            .ToList();
    }

    public async Task SavePreferencesAsync(ClaimsPrincipal user, IReadOnlyList<PreferenceChange>? changes, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        var parsed = Parse(changes, "preferences");
        var keys = parsed.Select(p => p.Kind.Key).ToList();
        var existing = await db.Preferences.Where(p => p.UserId == userId && keys.Contains(p.Kind)).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var (kind, channel) in parsed)
        {
            if (existing.TryGetValue(kind.Key, out var preference))
            {
                preference.Channel = channel;
            }
            else
            {
                db.Preferences.Add(new NotificationPreference { UserId = userId, Kind = kind.Key, Channel = channel });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<DigestScheduleView> GetDigestScheduleAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        var schedule = await db.DigestSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var defaults = await kinds.GetDefaultsAsync(cancellationToken);
        var contact = (await people.GetContactsAsync([userId], cancellationToken)).GetValueOrDefault(userId);
        var zone = contact?.TimeZoneId is { Length: > 0 } own ? own : (await siteSettings.GetAsync(cancellationToken)).TimeZoneId;
        return new DigestScheduleView(
            (schedule?.Frequency ?? DigestFrequency.Daily).ToString(),
            schedule?.Weekday?.ToString(),
            defaults.DigestHour,
            zone,
            schedule?.LastSentUtc);
    }

    /// <summary>Checks a schedule change; <paramref name="prefix"/> names the fields in the errors ("digest." inside the preferences body).</summary>
    public (DigestFrequency Frequency, DayOfWeek? Weekday) ParseDigestSchedule(DigestScheduleInput input, string prefix)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        DayOfWeek? weekday = null;
        if (!Enum.TryParse<DigestFrequency>(input.Frequency, ignoreCase: true, out var frequency) || !Enum.IsDefined(frequency) || int.TryParse(input.Frequency, out _))
        {
            errors[prefix + "frequency"] = T["The digest frequency must be one of: {0}.", string.Join(", ", Enum.GetNames<DigestFrequency>())];
        }
        else if (frequency == DigestFrequency.Weekly)
        {
            if (Enum.TryParse<DayOfWeek>(input.Weekday, ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(input.Weekday, out _))
            {
                weekday = day;
            }
            else
            {
                errors[prefix + "weekday"] = T["A weekly digest needs its day, one of: {0}.", string.Join(", ", Enum.GetNames<DayOfWeek>())];
            }
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : (frequency, weekday);
    }

    public async Task SaveDigestScheduleAsync(ClaimsPrincipal user, DigestScheduleInput input, string prefix, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        var (frequency, weekday) = ParseDigestSchedule(input, prefix);
        var schedule = await db.DigestSchedules.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (schedule is null)
        {
            db.DigestSchedules.Add(new DigestSchedule { UserId = userId, Frequency = frequency, Weekday = weekday });
        }
        else
        {
            schedule.Frequency = frequency;
            schedule.Weekday = weekday;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One-click unsubscribe from a mail: the kind goes back to "in the site only". False when the token is not valid.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (links.ReadUnsubscribeToken(token) is not { } subscription || !kinds.All.ContainsKey(subscription.Kind))
        {
            return false;
        }

        var preference = await db.Preferences.FirstOrDefaultAsync(p => p.UserId == subscription.UserId && p.Kind == subscription.Kind, cancellationToken);
        if (preference is null)
        {
            db.Preferences.Add(new NotificationPreference { UserId = subscription.UserId, Kind = subscription.Kind, Channel = NotificationChannel.InApp });
        }
        else if (preference.Channel is NotificationChannel.EmailImmediately or NotificationChannel.EmailDigest)
        {
            preference.Channel = NotificationChannel.InApp;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<DefaultsView> GetDefaultsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNotifications);
        var defaults = await kinds.GetDefaultsAsync(cancellationToken);
        return new DefaultsView(defaults.DigestHour, kinds.All.Values.OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => new PreferenceItem(k.Key, k.DisplayName, NotificationKinds.Effective(k, null, defaults).ToString(), k.IsMandatory)).ToList());
    }

    public async Task SaveDefaultsAsync(ClaimsPrincipal user, DefaultsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageNotifications);
        var defaults = await kinds.GetDefaultsAsync(cancellationToken);
        if (input.DigestHour is { } hour)
        {
            defaults.DigestHour = hour is >= 0 and <= 23 ? hour : throw new InvalidInputException("digestHour", T["The digest hour must be between 0 and 23."]);
        }

        foreach (var (kind, channel) in input.Kinds is null ? [] : Parse(input.Kinds, "kinds"))
        {
            defaults.Channels[kind.Key] = channel;
        }

        await kinds.SaveDefaultsAsync(defaults, cancellationToken);
    }

    private List<(NotificationKind Kind, NotificationChannel Channel)> Parse(IReadOnlyList<PreferenceChange>? changes, string field)
    {
        if (changes is null)
        {
            throw new InvalidInputException(field, T["A list of kinds with their channel is required."]);
        }

        var errors = new Dictionary<string, string>();
        var parsed = new List<(NotificationKind, NotificationChannel)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.Kind is null || !kinds.All.TryGetValue(change.Kind, out var kind))
            {
                errors[$"{field}[{i}].kind"] = T["'{0}' is not a kind of notification.", change.Kind ?? ""];
                continue;
            }

            if (!Enum.TryParse<NotificationChannel>(change.Channel, ignoreCase: true, out var channel) || !Enum.IsDefined(channel))
            {
                errors[$"{field}[{i}].channel"] = T["The channel must be one of: {0}.", string.Join(", ", Enum.GetNames<NotificationChannel>())];
                continue;
            }

            if (kind.IsMandatory && channel == NotificationChannel.Off)
            {
                errors[$"{field}[{i}].channel"] = T["'{0}' cannot be switched off.", kind.DisplayName];
                continue;
            }

            parsed.Add((kind, channel));
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : parsed;
    }

    private Task<HashSet<long>> HiddenAsync(ClaimsPrincipal user, IReadOnlyList<Notification> page, CancellationToken cancellationToken) =>
        HiddenAsync(visibilities, user, page, cancellationToken);

    /// <summary>Which of these notifications are about something the person may no longer see (or whose module is off).</summary>
    internal static async Task<HashSet<long>> HiddenAsync(IEnumerable<INotificationVisibility> visibilities, ClaimsPrincipal user, IReadOnlyList<Notification> page, CancellationToken cancellationToken)
    {
        var hidden = new HashSet<long>();
        foreach (var group in page.Where(n => n.ResourceType is not null && n.ResourceId is not null).GroupBy(n => n.ResourceType!))
        {
            var visibility = visibilities.FirstOrDefault(v => v.ResourceType == group.Key);
            if (visibility is null)
            {
                // The module that owns this kind of resource is off: its content is not shown anywhere.
                hidden.UnionWith(group.Select(n => n.Id));
                continue;
            }

            var visible = await visibility.GetVisibleAsync(user, group.Select(n => n.ResourceId!).Distinct().ToList(), cancellationToken);
            hidden.UnionWith(group.Where(n => !visible.Contains(n.ResourceId!)).Select(n => n.Id));
        }

        return hidden;
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindUserId() ?? throw new InvalidOperationException("Notifications are only reached by signed-in people (the endpoints require it).");
}
