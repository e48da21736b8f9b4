using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

/// <summary>Where a run is, for the fault it may have to record.</summary>
internal sealed class WorkflowRunState
{
    public string? ActivityId { get; private set; }

    public string? ActivityType { get; private set; }

    public void Enter(ActivityDefinition activity)
    {
        ActivityId = activity.Id;
        ActivityType = activity.Type;
    }
}
