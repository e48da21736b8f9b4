namespace InternalSocial.Notifications.Services;

public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, string? NextCursor, int Unread);
