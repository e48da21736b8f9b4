using InternalSocial.Email.Models;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InternalSocial.Email.Services;

/// <summary>
/// Sends the outbox's due mails over one SMTP connection per run. A message is claimed (status and lease changed
/// together, on the condition nobody else changed them) before it is sent, so two nodes never send it both; a server
/// that is down or refuses for now gets the message back later, with a growing delay; a permanent refusal fails it.
/// </summary>
internal sealed class OutboxDispatcher(
    EmailDbContext db,
    EmailSettingsService settingsService,
    ShellSettings shell,
    TimeProvider clock,
    IOptions<InternalSocialOptions> hostOptions,
    ILogger<OutboxDispatcher> logger)
    : IBackgroundTask
{
    public const int BatchSize = 50;
    public const int MaxAttempts = 8;

    /// <summary>How long a claimed message is left to its sender before another run takes it back (a node that died mid-send).</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    public TimeSpan Interval => TimeSpan.Zero;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsService.GetAsync(cancellationToken);
        if (!settings.IsConfigured)
        {
            return;
        }

        var claimed = await ClaimDueAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return;
        }

        using var smtp = new SmtpClient();
        if (!await ConnectAsync(smtp, settings, claimed, cancellationToken))
        {
            return;
        }

        foreach (var message in claimed)
        {
            var connected = await SendAsync(smtp, message, settings, cancellationToken);
            if (!connected)
            {
                foreach (var unsent in claimed.Where(m => m.Status == OutboxStatus.Sending))
                {
                    Reschedule(unsent, message.LastError ?? "", permanent: false);
                }
            }

            // Saved after each mail: a crash later does not send this one again.
            await db.SaveChangesAsync(CancellationToken.None);
            if (!connected)
            {
                break;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
    }

    /// <summary>Connects and signs in; when the server cannot be reached, every claimed mail waits for the next attempt.</summary>
    private async Task<bool> ConnectAsync(SmtpClient smtp, EmailSettings settings, IReadOnlyList<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        try
        {
            // Connected to addresses checked now, not only when the settings were saved (NetworkTargets).
            var socket = await NetworkTargets.ConnectAsync(settings.Host, settings.Port, hostOptions.Value, cancellationToken);
            await smtp.ConnectAsync(socket, settings.Host, settings.Port, ToMailKit(settings.Security), cancellationToken);
            if (settings.UserName.Length > 0)
            {
                await smtp.AuthenticateAsync(settings.UserName, settingsService.UnprotectPassword(settings) ?? "", cancellationToken);
            }

            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "SMTP server {Host}:{Port} unavailable; {Count} mails wait for the next attempt.", settings.Host, settings.Port, claimed.Count);
            foreach (var message in claimed)
            {
                Reschedule(message, exception.Message, permanent: false);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }

    /// <summary>Sends one mail and records the outcome; false when the connection was lost with it.</summary>
    private async Task<bool> SendAsync(SmtpClient smtp, OutboxMessage message, EmailSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await smtp.SendAsync(ToMime(message, settings), cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentUtc = clock.GetUtcNow().UtcDateTime;
            message.Attempts++;
            message.LastError = null;
        }
        catch (SmtpCommandException refused) when (refused.StatusCode is >= (SmtpStatusCode)500 and < (SmtpStatusCode)600)
        {
            logger.LogWarning("Mail {Id} to {Address} refused for good: {Error}", message.Id, message.ToAddress, refused.Message);
            Reschedule(message, $"{(int)refused.StatusCode} {refused.Message}", permanent: true);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException)
        {
            logger.LogWarning(exception, "Mail {Id} to {Address} not sent; it will be retried.", message.Id, message.ToAddress);
            Reschedule(message, exception.Message, permanent: false);
            return smtp.IsConnected;
        }

        return true;
    }

    private async Task<List<OutboxMessage>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptUtc <= now)
            .OrderBy(m => m.NextAttemptUtc)
            .Select(m => new { m.Id, m.Status, m.NextAttemptUtc })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var leaseEnd = now + ClaimLease;
        var claimedIds = new List<long>();
        foreach (var candidate in due)
        {
            var won = await db.Outbox
                .Where(m => m.Id == candidate.Id && m.Status == candidate.Status && m.NextAttemptUtc == candidate.NextAttemptUtc)
                .ExecuteUpdateAsync(update => update.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.NextAttemptUtc, leaseEnd), cancellationToken);
            if (won == 1)
            {
                claimedIds.Add(candidate.Id);
            }
        }

        return await db.Outbox.Where(m => claimedIds.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    private void Reschedule(OutboxMessage message, string error, bool permanent)
    {
        message.Attempts++;
        message.LastError = error.Length > 1000 ? error[..1000] : error;
        if (permanent || message.Attempts >= MaxAttempts)
        {
            message.Status = OutboxStatus.Failed;
            return;
        }

        message.Status = OutboxStatus.Pending;
        message.NextAttemptUtc = clock.GetUtcNow().UtcDateTime + RetryDelay(message.Attempts);
    }

    /// <summary>1, 2, 4 … minutes, at most six hours: a short outage costs minutes, a long one does not flood the server.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    private MimeMessage ToMime(OutboxMessage message, EmailSettings settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        // Stable per outbox row: a mail sent twice after a crash is recognised by the receiving side.
        var domain = settings.FromAddress[(settings.FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..];
        mime.MessageId = $"outbox-{message.Id}.{shell.Name}@{domain}";
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
