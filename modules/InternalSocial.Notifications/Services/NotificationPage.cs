namespace InternalSocial.Notifications.Services;

internal sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, string? NextCursor, int Unread);
