namespace InternalSocial.Notifications.Services;

public sealed record DefaultsView(int DigestHour, IReadOnlyList<PreferenceItem> Kinds);
