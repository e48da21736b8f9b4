namespace InternalSocial.Workflows.Services;

public sealed record ReasonView(string Key, string Label);
