namespace InternalSocial.Kernel.Mail;

/// <summary>An e-mail to send. <see cref="DeduplicationKey"/> makes sending it twice harmless.</summary>
public sealed record MailMessage(string ToAddress, string ToName, string Subject, string TextBody, string? HtmlBody = null)
{
    public string? DeduplicationKey { get; init; }

    public string? UnsubscribeUrl { get; init; }
}
