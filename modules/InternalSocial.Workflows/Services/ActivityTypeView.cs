namespace InternalSocial.Workflows.Services;

internal sealed record ActivityTypeView(string Type, string DisplayName, bool IsEvent, bool CanWait, IReadOnlyList<string> Facts);
