namespace InternalSocial.Notifications.Abstractions;

/// <summary>What a person chose for one kind of notification. Every choice but <see cref="Off"/> shows it in the site.</summary>
public enum NotificationChannel
{
    InApp,
    EmailImmediately,
    EmailDigest,
    Off,
}
