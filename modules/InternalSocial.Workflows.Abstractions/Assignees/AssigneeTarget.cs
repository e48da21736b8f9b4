using InternalSocial.Workflows.Abstractions.Activities;


namespace InternalSocial.Workflows.Abstractions.Assignees;

/// <summary>What assignee keys are resolved for: the running activity and the group of its subject, if any.</summary>
public sealed record AssigneeTarget(ActivityContext Context, long? GroupId);
