namespace InternalSocial.Notifications.Services;

public sealed record DefaultsInput(int? DigestHour, IReadOnlyList<PreferenceChange>? Kinds);
