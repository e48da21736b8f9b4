namespace InternalSocial.Notifications.Services;

internal sealed record PreferenceChange(string? Kind, string? Channel);
