namespace InternalSocial.Kernel.Mail;

/// <summary>
/// Sends the site's mails. The kernel's default sends nothing (<see cref="IsAvailable"/> false); a mail module replaces
/// it, so that modules which write mails never reference the module that delivers them.
/// </summary>
public interface IMailSender
{
    /// <summary>False when the tenant has no way to send mail: pages then say so instead of promising one.</summary>
    bool IsAvailable { get; }

    /// <summary>Hands the mails over for sending; those whose deduplication key is already known are skipped. Returns how many were accepted.</summary>
    Task<int> SendAsync(IReadOnlyCollection<MailMessage> messages, CancellationToken cancellationToken);

    /// <summary>How many mails whose deduplication key starts with <paramref name="keyPrefix"/> the mail server has accepted (delivery counts of a mailing).</summary>
    Task<int> CountSentAsync(string keyPrefix, CancellationToken cancellationToken);
}
