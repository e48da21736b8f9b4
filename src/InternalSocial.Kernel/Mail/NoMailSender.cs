namespace InternalSocial.Kernel.Mail;

/// <summary>A tenant without a mail module: nothing is sent and nothing was.</summary>
internal sealed class NoMailSender : IMailSender
{
    public bool IsAvailable => false;

    public Task<int> SendAsync(IReadOnlyCollection<MailMessage> messages, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<int> CountSentAsync(string keyPrefix, CancellationToken cancellationToken) => Task.FromResult(0);
}
