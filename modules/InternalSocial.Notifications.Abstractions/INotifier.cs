namespace InternalSocial.Notifications.Abstractions;

/// <summary>The Notifications module's public service.</summary>
public interface INotifier
{
    /// <summary>Creates the notifications, queues the e-mails people chose, pushes the new unread counts. Returns how many were created.</summary>
    Task<int> NotifyAsync(NotificationRequest request, CancellationToken cancellationToken);
}
