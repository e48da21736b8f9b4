namespace InternalSocial.Notifications.Abstractions;

/// <summary>Modules declare their kinds of notification here; display names come localized from the module.</summary>
public interface INotificationKindProvider
{
    IEnumerable<NotificationKind> GetKinds();
}
