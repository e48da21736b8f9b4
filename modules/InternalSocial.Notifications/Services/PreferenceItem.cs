namespace InternalSocial.Notifications.Services;

internal sealed record PreferenceItem(string Kind, string DisplayName, string Channel, bool IsMandatory);
