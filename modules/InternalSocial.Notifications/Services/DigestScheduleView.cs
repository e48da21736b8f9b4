namespace InternalSocial.Notifications.Services;

/// <summary>A person's digest schedule: "Daily" or "Weekly" (on <paramref name="Weekday"/>), at the organisation's digest hour in the person's time zone.</summary>
internal sealed record DigestScheduleView(string Frequency, string? Weekday, int Hour, string TimeZoneId, DateTime? LastSentUtc);
