namespace InternalSocial.Workflows.Abstractions;

/// <summary>A rule a decision can cite: its number, its title and the site path that shows it (with the tenant's prefix).</summary>
public sealed record ModerationRule(int Number, string Title, string Url);
