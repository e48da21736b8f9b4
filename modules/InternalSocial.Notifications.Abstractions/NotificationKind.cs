namespace InternalSocial.Notifications.Abstractions;

/// <summary>A kind of notification a module sends ("feed.mention"), with the choice people get unless they change it.</summary>
/// <param name="IsMandatory">Mandatory kinds (an announcement to acknowledge) can be moved between channels but not switched off.</param>
public sealed record NotificationKind(string Key, string DisplayName, NotificationChannel DefaultChannel, bool IsMandatory = false);
