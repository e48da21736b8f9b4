namespace InternalSocial.Workflows.Endpoints;

/// <summary>A reason, and optionally the number of the rule broken (the editorial charter's, when a module offers rules).</summary>
internal sealed record DecisionInput(string? Reason, int? Rule = null);
