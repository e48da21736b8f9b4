using System.Globalization;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Settings;
using InternalSocial.Notifications.Models;
using InternalSocial.Users.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Notifications.Services;

/// <summary>
/// Once a day, at the organisation's digest hour (its time zone), mails each person who chose the digest what they
/// missed, in one message. Notifications are claimed (marked digested) before the mail is queued: each goes in one digest.
/// </summary>
internal sealed class DigestTask(NotificationsDbContext db, NotificationKinds kinds, SiteSettingsService siteSettings, IPeopleContacts people, NotificationMailer mailer, TimeProvider clock)
    : IBackgroundTask
{
    private const int PeoplePerRun = 500;

    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var site = await siteSettings.GetAsync(cancellationToken);
        var defaults = await kinds.GetDefaultsAsync(cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        if (TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).Hour != defaults.DigestHour)
        {
            return;
        }

        var userIds = await db.Items.AsNoTracking()
            .Where(n => n.EmailState == EmailState.AwaitingDigest)
            .Select(n => n.UserId)
            .Distinct()
            .Take(PeoplePerRun)
            .ToListAsync(cancellationToken);
        var contacts = await people.GetContactsAsync(userIds, cancellationToken);
        var awaiting = (await db.Items.AsNoTracking()
                .Where(n => userIds.Contains(n.UserId) && n.EmailState == EmailState.AwaitingDigest)
                .OrderBy(n => n.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(n => n.UserId);
        foreach (var userId in userIds)
        {
            var pending = awaiting[userId].ToList();
            var ids = pending.Select(n => n.Id).ToList();
            var claimed = await db.Items
                .Where(n => ids.Contains(n.Id) && n.EmailState == EmailState.AwaitingDigest)
                .ExecuteUpdateAsync(update => update.SetProperty(n => n.EmailState, EmailState.Digested), cancellationToken);
            if (claimed != ids.Count || !contacts.TryGetValue(userId, out var contact))
            {
                // Another node took them meanwhile, or the account is gone.
                continue;
            }

            var culture = CultureInfo.GetCultureInfo(contact.Culture is { Length: > 0 } chosen ? chosen : site.DefaultCulture);
            await mailer.SendDigestAsync(contact, culture, pending, cancellationToken);
        }
    }
}
