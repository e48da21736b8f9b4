namespace InternalSocial.Workflows.Services;

internal sealed record TaskView(long Id, string SubjectType, string SubjectId, long? GroupId, string? GroupName, string AuthorId, string? AuthorName,
    string Summary, string Status, DateTime CreatedUtc, int EscalationCount, string WorkflowId, IReadOnlyList<string> AssignedTo);

internal sealed record TaskPage(IReadOnlyList<TaskView> Items, string? NextCursor);
