namespace InternalSocial.Notifications.Services;

internal sealed record DefaultsInput(int? DigestHour, IReadOnlyList<PreferenceChange>? Kinds);
