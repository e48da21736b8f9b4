using System.Globalization;
using System.Net;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Mail;
using InternalSocial.Kernel.Settings;
using InternalSocial.Users.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Accounts;

/// <summary>Writes the account mails, each with one link back to the site, in the person's language.</summary>
/// <remarks>Without a mail feature the kernel's sender sends nothing and <see cref="IsAvailable"/> is false.</remarks>
internal sealed class AccountMails(IMailSender mailer, SiteSettingsService siteSettings, TenantUrls urls, IStringLocalizer<ModuleResources> T)
{
    public bool IsAvailable => mailer.IsAvailable;

    /// <summary>Whether links can be written: the tenant has a public address (never the request's Host header).</summary>
    public async Task<bool> CanLinkAsync(CancellationToken cancellationToken) => await urls.GetBaseUrlAsync(cancellationToken) is not null;

    public async Task SendPasswordLinkAsync(User user, string token, bool firstPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var site = await SiteNameAsync(cancellationToken);
        var link = $"{await urls.RequireBaseUrlAsync(cancellationToken)}/account/reset?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        await InCultureAsync(user.PreferredLanguage, () => firstPassword
            ? (T["[{0}] Choose your password", site].Value,
               T["An account is ready for you at {0}. Choose your password with this link (it works once, for a limited time):", site].Value, link)
            : (T["[{0}] Reset your password", site].Value,
               T["Someone asked to reset the password of your account at {0}. If it was you, choose a new password with this link (it works once, for a limited time). Otherwise, ignore this e-mail.", site].Value, link),
            user.Email!, user.DisplayName, cancellationToken);
    }

    public async Task SendConfirmationAsync(User user, string address, string token, bool emailChange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var site = await SiteNameAsync(cancellationToken);
        var link = $"{await urls.RequireBaseUrlAsync(cancellationToken)}/account/confirm?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}"
            + (emailChange ? $"&email={Uri.EscapeDataString(address)}" : "");
        await InCultureAsync(user.PreferredLanguage, () => (
                T["[{0}] Confirm your e-mail address", site].Value,
                T["Confirm that this address is yours, for your account at {0}, with this link:", site].Value, link),
            address, user.DisplayName, cancellationToken);
    }

    public async Task SendAlreadyRegisteredAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var site = await SiteNameAsync(cancellationToken);
        var link = $"{await urls.RequireBaseUrlAsync(cancellationToken)}/account/forgot";
        await InCultureAsync(user.PreferredLanguage, () => (
                T["[{0}] You already have an account", site].Value,
                T["Someone tried to register at {0} with this address, which already has an account. If you forgot your password, reset it here:", site].Value,
                link),
            user.Email!, user.DisplayName, cancellationToken);
    }

    public async Task SendInvitationAsync(string address, string inviterName, string token, CancellationToken cancellationToken)
    {
        var site = await SiteNameAsync(cancellationToken);
        var link = $"{await urls.RequireBaseUrlAsync(cancellationToken)}/account/invitation?token={Uri.EscapeDataString(token)}";
        await InCultureAsync(null, () => (
                T["[{0}] {1} invites you", site, inviterName].Value,
                T["{0} invites you to join {1}. Choose your name and password with this link (it works once, for a limited time):", inviterName, site].Value,
                link),
            address, address, cancellationToken);
    }

    private async Task<string> SiteNameAsync(CancellationToken cancellationToken) => (await siteSettings.GetAsync(cancellationToken)).SiteName;

    private async Task InCultureAsync(string? language, Func<(string Subject, string Text, string Link)> write, string address, string name, CancellationToken cancellationToken)
    {
        var mail = language is { Length: > 0 } ? CultureScope.Run(CultureInfo.GetCultureInfo(language), write) : write();

        var html = $"<p>{WebUtility.HtmlEncode(mail.Text)}</p><p><a href=\"{WebUtility.HtmlEncode(mail.Link)}\">{WebUtility.HtmlEncode(mail.Link)}</a></p>";
        await mailer.SendAsync([new MailMessage(address, name, mail.Subject, $"{mail.Text}\n\n{mail.Link}\n", html)], cancellationToken);
    }
}
