using System.Globalization;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Settings;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Notifications.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Notifications.Services;

/// <summary>
/// Mails each person who chose the digest what they missed, in one message, at the organisation's digest hour in the
/// person's own time zone (their profile's, else the organisation's), every day or once a week on their chosen day.
/// <para>
/// Runs every 30 minutes and decides per person: someone is due when their latest slot (the last local digest hour
/// on a day their schedule allows) has passed, their oldest waiting notification is older than that slot, and their
/// last digest went out before it, on an earlier local day. A late run therefore still sends (nobody is skipped), and
/// a second run for the same slot finds the last-sent time already past it (nobody gets two for one day or week). The
/// waiting notifications are claimed (marked digested) and the last-sent time written in one transaction.
/// </para>
/// <para>
/// Cost: one grouped query over the waiting notifications (an index on EmailState, UserId), the schedules and
/// contacts of those people, then at most <see cref="PeoplePerRun"/> digests per run, the longest-waiting first.
/// </para>
/// </summary>
internal sealed class DigestTask(
    NotificationsDbContext db,
    NotificationKinds kinds,
    SiteSettingsService siteSettings,
    IPeopleContacts people,
    IEnumerable<INotificationVisibility> visibilities,
    IEnumerable<IDigestSectionProvider> sections,
    NotificationMailer mailer,
    TimeProvider clock)
    : IBackgroundTask
{
    public const int PeoplePerRun = 500;

    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var site = await siteSettings.GetAsync(cancellationToken);
        var defaults = await kinds.GetDefaultsAsync(cancellationToken);
        var organisationZone = Zone(site.TimeZoneId) ?? TimeZoneInfo.Utc;

        var waiting = await db.Items.AsNoTracking()
            .Where(n => n.EmailState == EmailState.AwaitingDigest)
            .GroupBy(n => n.UserId)
            .Select(g => new { UserId = g.Key, Oldest = g.Min(n => n.CreatedUtc) })
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var userIds = waiting.Select(w => w.UserId).ToList();
        var schedules = await db.DigestSchedules.AsNoTracking().Where(s => userIds.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
        var contacts = await people.GetContactsAsync(userIds, cancellationToken);
        var due = new List<(string UserId, DateTime Slot)>();
        foreach (var person in waiting)
        {
            var zone = contacts.TryGetValue(person.UserId, out var contact) ? Zone(contact.TimeZoneId) ?? organisationZone : organisationZone;
            var schedule = schedules.GetValueOrDefault(person.UserId);
            var slot = LatestSlot(now, zone, defaults.DigestHour, schedule?.Frequency ?? DigestFrequency.Daily, schedule?.Weekday);
            if (IsDue(slot, person.Oldest, schedule?.LastSentUtc, zone))
            {
                due.Add((person.UserId, slot));
            }
        }

        foreach (var (userId, _) in due.OrderBy(d => d.Slot).Take(PeoplePerRun))
        {
            await SendAsync(userId, contacts.GetValueOrDefault(userId), site, now, cancellationToken);
        }
    }

    /// <summary>
    /// Due when the slot came after the oldest waiting notification (the person missed something by then) and after
    /// the last digest, on a later local day than it (a person who moves to another zone gets no second one that day).
    /// </summary>
    internal static bool IsDue(DateTime slotUtc, DateTime oldestWaitingUtc, DateTime? lastSentUtc, TimeZoneInfo zone) =>
        oldestWaitingUtc < slotUtc
        && (lastSentUtc is not { } last
            || (last < slotUtc && LocalDate(last, zone) < LocalDate(slotUtc, zone)));

    /// <summary>
    /// The latest moment at or before <paramref name="nowUtc"/> when the person's digest was due: the digest hour, local
    /// to <paramref name="zone"/>, of today or an earlier day (for a weekly digest, the latest chosen weekday).
    /// </summary>
    internal static DateTime LatestSlot(DateTime nowUtc, TimeZoneInfo zone, int hour, DigestFrequency frequency, DayOfWeek? weekday)
    {
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        var day = localNow.Date;
        if (frequency == DigestFrequency.Weekly && weekday is { } chosen)
        {
            day = day.AddDays(-(((int)day.DayOfWeek - (int)chosen + 7) % 7));
        }

        var step = frequency == DigestFrequency.Weekly && weekday is not null ? 7 : 1;
        var slot = ToUtc(day.AddHours(hour), zone);
        return slot > nowUtc ? ToUtc(day.AddDays(-step).AddHours(hour), zone) : slot;
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // The hour skipped when clocks go forward does not exist: the digest goes out an hour later that day.
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    private static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    private static TimeZoneInfo? Zone(string? id) =>
        id is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    private async Task SendAsync(string userId, PersonContact? contact, SiteSettings site, DateTime now, CancellationToken cancellationToken)
    {
        var pending = await db.Items.AsNoTracking()
            .Where(n => n.UserId == userId && n.EmailState == EmailState.AwaitingDigest)
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);
        var ids = pending.Select(n => n.Id).ToList();
        if (await ClaimAsync(userId, ids, now, cancellationToken) is not { } since)
        {
            // Another node took them meanwhile.
            return;
        }

        if (contact is null || await people.CreatePrincipalAsync(userId, cancellationToken) is not { } principal)
        {
            // The account is gone or cannot sign in: nothing to send.
            return;
        }

        // Never a line about what the person may no longer see (they left the private group meanwhile).
        var hidden = await NotificationsService.HiddenAsync(visibilities, principal, pending, cancellationToken);
        var shown = pending.Where(n => !hidden.Contains(n.Id)).ToList();
        var culture = CultureInfo.GetCultureInfo(contact.Culture is { Length: > 0 } chosen ? chosen : site.DefaultCulture);
        var extra = await CultureScope.RunAsync(culture, async () =>
        {
            var found = new List<DigestSection>();
            foreach (var provider in sections)
            {
                if (await provider.GetSectionAsync(principal, since, cancellationToken) is { Lines.Count: > 0 } section)
                {
                    found.Add(section);
                }
            }

            return found;
        });

        await mailer.SendDigestAsync(contact, culture, shown, extra, cancellationToken);
    }

    /// <summary>
    /// Marks the items digested and the digest sent, in one transaction; returns since when the digest's sections look
    /// (the previous digest, at most a week back), or null when another node claimed the items first.
    /// </summary>
    private async Task<DateTime?> ClaimAsync(string userId, List<long> ids, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Items
            .Where(n => ids.Contains(n.Id) && n.EmailState == EmailState.AwaitingDigest)
            .ExecuteUpdateAsync(update => update.SetProperty(n => n.EmailState, EmailState.Digested), cancellationToken);
        if (claimed != ids.Count)
        {
            return null;
        }

        var schedule = await db.DigestSchedules.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var since = schedule?.LastSentUtc is { } last && last > now.AddDays(-7) ? last : now.AddDays(-7);
        if (schedule is null)
        {
            db.DigestSchedules.Add(new DigestSchedule { UserId = userId, Frequency = DigestFrequency.Daily, LastSentUtc = now });
        }
        else
        {
            schedule.LastSentUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return since;
    }
}
