namespace InternalSocial.Notifications.Services;

public sealed record PreferenceItem(string Kind, string DisplayName, string Channel, bool IsMandatory);
