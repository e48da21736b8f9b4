namespace InternalSocial.Workflows.Services;

public sealed record ActivityTypeView(string Type, string DisplayName, bool IsEvent, bool CanWait, IReadOnlyList<string> Facts);
