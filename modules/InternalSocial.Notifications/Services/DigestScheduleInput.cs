namespace InternalSocial.Notifications.Services;

/// <summary>A change of schedule: Frequency "Daily" or "Weekly"; Weekday ("Monday"…"Sunday") is required for "Weekly".</summary>
internal sealed record DigestScheduleInput(string? Frequency, string? Weekday);
