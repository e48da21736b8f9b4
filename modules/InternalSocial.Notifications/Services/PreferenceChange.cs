namespace InternalSocial.Notifications.Services;

public sealed record PreferenceChange(string? Kind, string? Channel);
