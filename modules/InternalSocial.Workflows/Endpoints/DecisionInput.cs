namespace InternalSocial.Workflows.Endpoints;

public sealed record DecisionInput(string? Reason);
