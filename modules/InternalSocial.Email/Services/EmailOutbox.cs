using InternalSocial.Email.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Email.Services;

/// <summary>An e-mail to send. <see cref="DeduplicationKey"/> makes queuing it twice harmless.</summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string TextBody, string? HtmlBody = null)
{
    public string? DeduplicationKey { get; init; }

    public string? UnsubscribeUrl { get; init; }
}

/// <summary>
/// The E-mail module's public service: queue mails; a background task sends them. Queuing is a database insert in the
/// caller's transaction, so a request never waits for the SMTP server and a rolled-back change sends nothing.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Queues the mails; those whose deduplication key is already queued are skipped. Returns how many were queued.</summary>
    Task<int> EnqueueAsync(IReadOnlyCollection<EmailMessage> messages, CancellationToken cancellationToken);

    /// <summary>How many mails whose deduplication key starts with <paramref name="keyPrefix"/> the SMTP server has accepted (delivery counts of a mailing).</summary>
    Task<int> CountSentAsync(string keyPrefix, CancellationToken cancellationToken);
}

internal sealed class EmailOutbox(EmailDbContext db, TimeProvider clock) : IEmailOutbox
{
    public async Task<int> EnqueueAsync(IReadOnlyCollection<EmailMessage> messages, CancellationToken cancellationToken)
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
