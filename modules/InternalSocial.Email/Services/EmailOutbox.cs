using InternalSocial.Email.Models;
using InternalSocial.Kernel.Mail;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Email.Services;

/// <summary>
/// The kernel's mail sender in a tenant with the E-mail feature: queues mails; a background task sends them. Queuing is a
/// database insert in the caller's transaction, so a request never waits for the SMTP server and a rolled-back change sends nothing.
/// </summary>
internal sealed class EmailOutbox(EmailDbContext db, TimeProvider clock) : IMailSender
{
    public bool IsAvailable => true;

    public async Task<int> SendAsync(IReadOnlyCollection<MailMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var keys = messages.Select(m => m.DeduplicationKey).OfType<string>().ToList();
        var known = keys.Count == 0
            ? []
            : (await db.Outbox.Where(m => keys.Contains(m.DeduplicationKey!)).Select(m => m.DeduplicationKey!).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var message in messages.Where(m => m.DeduplicationKey is null || known.Add(m.DeduplicationKey)))
        {
            db.Outbox.Add(new OutboxMessage
            {
                DeduplicationKey = message.DeduplicationKey,
                ToAddress = message.ToAddress,
                ToName = message.ToName,
                Subject = message.Subject,
                TextBody = message.TextBody,
                HtmlBody = message.HtmlBody,
                UnsubscribeUrl = message.UnsubscribeUrl,
                Status = OutboxStatus.Pending,
                NextAttemptUtc = now,
                CreatedUtc = now,
            });
            queued++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    public Task<int> CountSentAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        return db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent && m.DeduplicationKey != null && m.DeduplicationKey.StartsWith(keyPrefix), cancellationToken);
    }
}
