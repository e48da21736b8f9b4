namespace InternalSocial.Notifications.Abstractions;

public sealed record NotificationText(string Title, string Body);
