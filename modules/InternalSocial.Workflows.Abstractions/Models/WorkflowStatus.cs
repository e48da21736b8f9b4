

namespace InternalSocial.Workflows.Abstractions.Models;

public enum WorkflowStatus
{
    Running = 0,
    Waiting = 1,
    Finished = 2,
    Faulted = 3,
    Cancelled = 4,
}
