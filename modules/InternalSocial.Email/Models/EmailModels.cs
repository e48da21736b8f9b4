namespace InternalSocial.Email.Models;

internal enum SmtpSecurity
{
    /// <summary>Plain connection: a relay on the same machine or network only.</summary>
    None,

    /// <summary>Upgrade to TLS after connecting (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>The tenant's SMTP server. The password is kept encrypted with the tenant's data-protection key and never shown or exported.</summary>
internal sealed class EmailSettings
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string UserName { get; set; } = "";

    public string ProtectedPassword { get; set; } = "";

    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "";

    public bool IsConfigured => Host.Length > 0 && FromAddress.Length > 0;
}

internal enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>One e-mail waiting in, or gone through, the outbox.</summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Set by the sender so that the same e-mail is never queued twice (e.g. "mention:42:user-7").</summary>
    public string? DeduplicationKey { get; set; }

    public required string ToAddress { get; set; }

    public string ToName { get; set; } = "";

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    /// <summary>An address for the List-Unsubscribe header, when the mail is one of a kind the person can switch off.</summary>
    public string? UnsubscribeUrl { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? SentUtc { get; set; }
}
