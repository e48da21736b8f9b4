namespace InternalSocial.Metrics;

/// <summary>A type declared directly in a namespace; partial declarations share one <see cref="FullName"/>.</summary>
public sealed record TopLevelType(string FullName, bool IsPublic);
