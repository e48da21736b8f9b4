using System.Globalization;
using System.Net;
using System.Text;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Mail;
using InternalSocial.Kernel.Settings;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Notifications.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Notifications.Services;

/// <summary>Writes notification mails (one at once, or a digest) in the recipient's language, with the organisation's name and an unsubscribe link.</summary>
internal sealed class NotificationMailer(IMailSender outbox, NotificationLinks links, TenantUrls urls, SiteSettingsService siteSettings, IStringLocalizer<ModuleResources> T) : INotificationMailer
{
    public async Task SendImmediatelyAsync(IReadOnlyList<(Notification Notification, CultureInfo Culture)> notifications, IReadOnlyDictionary<string, PersonContact> contacts, CancellationToken cancellationToken)
    {
        var baseUrl = await urls.GetBaseUrlAsync(cancellationToken) ?? "";
        var siteName = (await siteSettings.GetAsync(cancellationToken)).SiteName;
        var mails = new List<MailMessage>();
        foreach (var (notification, culture) in notifications)
        {
            if (!contacts.TryGetValue(notification.UserId, out var contact) || contact.Email is not { Length: > 0 } address || !contact.IsActive)
            {
                continue;
            }

            var unsubscribe = UnsubscribeUrl(baseUrl, notification.UserId, notification.Kind);
            var link = baseUrl + notification.Url;
            var (text, html) = CultureScope.Run(culture, () => (
                $"{notification.Body}\n\n{link}\n\n-- \n{T["You receive this e-mail from {0} because of your notification settings. Stop these e-mails: {1}", siteName, unsubscribe]}",
                $"<p>{WebUtility.HtmlEncode(notification.Body)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(T["Open in {0}", siteName])}</a></p><hr><p style=\"font-size:small\">{WebUtility.HtmlEncode(T["You receive this e-mail from {0} because of your notification settings.", siteName])} <a href=\"{WebUtility.HtmlEncode(unsubscribe)}\">{WebUtility.HtmlEncode(T["Stop these e-mails"])}</a></p>"));
            mails.Add(new MailMessage(address, contact.DisplayName, $"[{siteName}] {notification.Title}", text, html)
            {
                DeduplicationKey = $"notification:{notification.Id}",
                UnsubscribeUrl = unsubscribe,
            });
        }

        await outbox.SendAsync(mails, cancellationToken);
    }

    /// <param name="sections">What other modules add under the notifications (announcements to acknowledge…), already in the person's language.</param>
    public async Task SendDigestAsync(PersonContact contact, CultureInfo culture, IReadOnlyList<Notification> notifications, IReadOnlyList<DigestSection> sections, CancellationToken cancellationToken)
    {
        if (contact.Email is not { Length: > 0 } address || !contact.IsActive || notifications.Count == 0)
        {
            return;
        }

        var baseUrl = await urls.GetBaseUrlAsync(cancellationToken) ?? "";
        var siteName = (await siteSettings.GetAsync(cancellationToken)).SiteName;
        var settingsUrl = baseUrl + "/notifications/preferences";
        var (subject, text, html) = CultureScope.Run(culture, () =>
        {
            var plain = new StringBuilder();
            var rich = new StringBuilder("<ul>");
            foreach (var notification in notifications)
            {
                plain.Append("- ").Append(notification.Title).Append('\n').Append("  ").Append(baseUrl + notification.Url).Append('\n');
                rich.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(baseUrl + notification.Url)).Append("\">").Append(WebUtility.HtmlEncode(notification.Title)).Append("</a></li>");
            }

            rich.Append("</ul>");
            foreach (var section in sections)
            {
                plain.Append('\n').Append(section.Heading).Append('\n');
                rich.Append("<h2>").Append(WebUtility.HtmlEncode(section.Heading)).Append("</h2><ul>");
                foreach (var line in section.Lines)
                {
                    plain.Append("- ").Append(line.Text).Append('\n').Append("  ").Append(baseUrl + line.Url).Append('\n');
                    rich.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(baseUrl + line.Url)).Append("\">").Append(WebUtility.HtmlEncode(line.Text)).Append("</a></li>");
                }

                rich.Append("</ul>");
            }

            var footer = T["You receive this digest from {0} because of your notification settings. Change them: {1}", siteName, settingsUrl].Value;
            return (
                T["[{0}] Your digest ({1})", siteName, notifications.Count].Value,
                plain.Append("\n-- \n").Append(footer).ToString(),
                rich.Append("<hr><p style=\"font-size:small\">").Append(WebUtility.HtmlEncode(footer)).Append("</p>").ToString());
        });
        await outbox.SendAsync([new MailMessage(address, contact.DisplayName, subject, text, html) { DeduplicationKey = $"digest:{contact.Id}:{notifications.Max(n => n.Id)}" }], cancellationToken);
    }

    private string UnsubscribeUrl(string baseUrl, string userId, string kind) =>
        $"{baseUrl}/notifications/unsubscribe?token={Uri.EscapeDataString(links.CreateUnsubscribeToken(userId, kind))}";
}
