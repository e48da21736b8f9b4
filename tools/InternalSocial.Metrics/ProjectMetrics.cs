namespace InternalSocial.Metrics;

/// <summary>
/// One production project: its top-level types by accessibility, and the other modules it references (the kernel is
/// not counted; a reference to an <c>.Abstractions</c> project is kept apart from one to a module's implementation).
/// </summary>
public sealed record ProjectMetrics(
    string Name,
    int PublicTypes,
    int InternalTypes,
    IReadOnlyList<string> ModuleReferences,
    IReadOnlyList<string> AbstractionsReferences);
