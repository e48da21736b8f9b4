namespace InternalSocial.Workflows.Endpoints;

internal sealed record DecisionInput(string? Reason);
