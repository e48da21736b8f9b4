namespace InternalSocial.Notifications.Abstractions;

/// <summary>Zones of the Notifications module's pages that other modules fill with widgets (<c>AddWidget</c>).</summary>
public static class NotificationZones
{
    /// <summary>
    /// Under the form of the notification settings page: a choice about mail that a module keeps itself (the
    /// newsletter's). A widget here renders its own form, with its own button, and posts to its own module.
    /// </summary>
    public const string Preferences = "notification-preferences";
}
