namespace InternalSocial.Notifications.Services;

internal sealed record NotificationItem(long Id, string Kind, string Title, string Body, string Url, DateTime CreatedUtc, bool IsRead);
