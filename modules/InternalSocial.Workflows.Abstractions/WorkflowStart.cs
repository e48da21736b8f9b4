using InternalSocial.Workflows.Abstractions.Models;


namespace InternalSocial.Workflows.Abstractions;

/// <summary>A workflow an event starts: the version of its definition the instance pins.</summary>
public sealed record WorkflowStart(string WorkflowId, int Version, WorkflowDefinition Definition)
{
    /// <summary>The start activity, whose properties tell the raising module what it asks (the feed's <c>holdPost</c>).</summary>
    public ActivityDefinition Activity => Definition.Activity(Definition.Start)!;
}
