namespace InternalSocial.Notifications.Services;

internal sealed record DefaultsView(int DigestHour, IReadOnlyList<PreferenceItem> Kinds);
