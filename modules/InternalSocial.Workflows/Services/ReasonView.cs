namespace InternalSocial.Workflows.Services;

internal sealed record ReasonView(string Key, string Label);
